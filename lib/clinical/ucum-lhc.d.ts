// The slice of @lhncbc/ucum-lhc the unit tests use (the package ships no types). Tests only: the app never
// imports ucum-lhc, which would add ~500 KB to the bundle.
declare module '@lhncbc/ucum-lhc' {
  interface ConversionResult {
    status: 'succeeded' | 'failed' | 'error';
    toVal: number | null;
    msg: string[];
  }
  interface UcumLhcUtils {
    convertUnitTo(fromUnit: string, fromVal: number, toUnit: string, options?: { molecularWeight?: number }): ConversionResult;
    validateUnitString(unit: string): { status: 'valid' | 'invalid' | 'error' };
  }
  const ucum: { UcumLhcUtils: { getInstance(): UcumLhcUtils } };
  export default ucum;
}
