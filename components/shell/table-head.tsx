/** A table's column headings (each `scope="col"`, so screen readers announce them with every cell). */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr className="border-b border-line">
        {columns.map((label) => (
          <th key={label} scope="col" className="p-2">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
