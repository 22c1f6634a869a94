/**
 * Thailand's 77 provinces (จังหวัด) with their codes and the public-health region (เขตสุขภาพ) each belongs to:
 * the catchment the `outside-catchment` alert rule reads (lib/alerts/rules.ts).
 *
 * Sources:
 * - Province codes: the Department of Provincial Administration (กรมการปกครอง, DOPA) two-digit province codes,
 *   the same as TIS 1099 (มอก. 1099) and as the 2nd–3rd digits of a citizen ID's registration office and the
 *   first two digits of a DOPA address code (`address_code` in MOPH-PHR).
 * - Health regions: the Ministry of Public Health's 12 health regions plus Bangkok as region 13 (เขตสุขภาพที่
 *   1–13, คำสั่งกระทรวงสาธารณสุข เรื่อง เขตสุขภาพ, as used by the MOPH Health Data Center, hdcservice.moph.go.th).
 *
 * Written out by hand from those lists (no network here): provinces.test.ts checks the count per region and
 * that every code is unique, so a slip shows. A change of the regions is a data change here, with a review.
 */

/** One province: its DOPA code, its names and its health region (1–13). */
export interface Province {
  code: string;
  nameTh: string;
  nameEn: string;
  region: number;
}

/** Bangkok's DOPA code; Bangkok is health region 13 on its own. */
export const BANGKOK = '10';

export const PROVINCES: readonly Province[] = [
  { code: '10', nameTh: 'กรุงเทพมหานคร', nameEn: 'Bangkok', region: 13 },
  { code: '11', nameTh: 'สมุทรปราการ', nameEn: 'Samut Prakan', region: 6 },
  { code: '12', nameTh: 'นนทบุรี', nameEn: 'Nonthaburi', region: 4 },
  { code: '13', nameTh: 'ปทุมธานี', nameEn: 'Pathum Thani', region: 4 },
  { code: '14', nameTh: 'พระนครศรีอยุธยา', nameEn: 'Phra Nakhon Si Ayutthaya', region: 4 },
  { code: '15', nameTh: 'อ่างทอง', nameEn: 'Ang Thong', region: 4 },
  { code: '16', nameTh: 'ลพบุรี', nameEn: 'Lopburi', region: 4 },
  { code: '17', nameTh: 'สิงห์บุรี', nameEn: 'Sing Buri', region: 4 },
  { code: '18', nameTh: 'ชัยนาท', nameEn: 'Chai Nat', region: 3 },
  { code: '19', nameTh: 'สระบุรี', nameEn: 'Saraburi', region: 4 },
  { code: '20', nameTh: 'ชลบุรี', nameEn: 'Chonburi', region: 6 },
  { code: '21', nameTh: 'ระยอง', nameEn: 'Rayong', region: 6 },
  { code: '22', nameTh: 'จันทบุรี', nameEn: 'Chanthaburi', region: 6 },
  { code: '23', nameTh: 'ตราด', nameEn: 'Trat', region: 6 },
  { code: '24', nameTh: 'ฉะเชิงเทรา', nameEn: 'Chachoengsao', region: 6 },
  { code: '25', nameTh: 'ปราจีนบุรี', nameEn: 'Prachinburi', region: 6 },
  { code: '26', nameTh: 'นครนายก', nameEn: 'Nakhon Nayok', region: 4 },
  { code: '27', nameTh: 'สระแก้ว', nameEn: 'Sa Kaeo', region: 6 },
  { code: '30', nameTh: 'นครราชสีมา', nameEn: 'Nakhon Ratchasima', region: 9 },
  { code: '31', nameTh: 'บุรีรัมย์', nameEn: 'Buriram', region: 9 },
  { code: '32', nameTh: 'สุรินทร์', nameEn: 'Surin', region: 9 },
  { code: '33', nameTh: 'ศรีสะเกษ', nameEn: 'Sisaket', region: 10 },
  { code: '34', nameTh: 'อุบลราชธานี', nameEn: 'Ubon Ratchathani', region: 10 },
  { code: '35', nameTh: 'ยโสธร', nameEn: 'Yasothon', region: 10 },
  { code: '36', nameTh: 'ชัยภูมิ', nameEn: 'Chaiyaphum', region: 9 },
  { code: '37', nameTh: 'อำนาจเจริญ', nameEn: 'Amnat Charoen', region: 10 },
  { code: '38', nameTh: 'บึงกาฬ', nameEn: 'Bueng Kan', region: 8 },
  { code: '39', nameTh: 'หนองบัวลำภู', nameEn: 'Nong Bua Lamphu', region: 8 },
  { code: '40', nameTh: 'ขอนแก่น', nameEn: 'Khon Kaen', region: 7 },
  { code: '41', nameTh: 'อุดรธานี', nameEn: 'Udon Thani', region: 8 },
  { code: '42', nameTh: 'เลย', nameEn: 'Loei', region: 8 },
  { code: '43', nameTh: 'หนองคาย', nameEn: 'Nong Khai', region: 8 },
  { code: '44', nameTh: 'มหาสารคาม', nameEn: 'Maha Sarakham', region: 7 },
  { code: '45', nameTh: 'ร้อยเอ็ด', nameEn: 'Roi Et', region: 7 },
  { code: '46', nameTh: 'กาฬสินธุ์', nameEn: 'Kalasin', region: 7 },
  { code: '47', nameTh: 'สกลนคร', nameEn: 'Sakon Nakhon', region: 8 },
  { code: '48', nameTh: 'นครพนม', nameEn: 'Nakhon Phanom', region: 8 },
  { code: '49', nameTh: 'มุกดาหาร', nameEn: 'Mukdahan', region: 10 },
  { code: '50', nameTh: 'เชียงใหม่', nameEn: 'Chiang Mai', region: 1 },
  { code: '51', nameTh: 'ลำพูน', nameEn: 'Lamphun', region: 1 },
  { code: '52', nameTh: 'ลำปาง', nameEn: 'Lampang', region: 1 },
  { code: '53', nameTh: 'อุตรดิตถ์', nameEn: 'Uttaradit', region: 2 },
  { code: '54', nameTh: 'แพร่', nameEn: 'Phrae', region: 1 },
  { code: '55', nameTh: 'น่าน', nameEn: 'Nan', region: 1 },
  { code: '56', nameTh: 'พะเยา', nameEn: 'Phayao', region: 1 },
  { code: '57', nameTh: 'เชียงราย', nameEn: 'Chiang Rai', region: 1 },
  { code: '58', nameTh: 'แม่ฮ่องสอน', nameEn: 'Mae Hong Son', region: 1 },
  { code: '60', nameTh: 'นครสวรรค์', nameEn: 'Nakhon Sawan', region: 3 },
  { code: '61', nameTh: 'อุทัยธานี', nameEn: 'Uthai Thani', region: 3 },
  { code: '62', nameTh: 'กำแพงเพชร', nameEn: 'Kamphaeng Phet', region: 3 },
  { code: '63', nameTh: 'ตาก', nameEn: 'Tak', region: 2 },
  { code: '64', nameTh: 'สุโขทัย', nameEn: 'Sukhothai', region: 2 },
  { code: '65', nameTh: 'พิษณุโลก', nameEn: 'Phitsanulok', region: 2 },
  { code: '66', nameTh: 'พิจิตร', nameEn: 'Phichit', region: 3 },
  { code: '67', nameTh: 'เพชรบูรณ์', nameEn: 'Phetchabun', region: 2 },
  { code: '70', nameTh: 'ราชบุรี', nameEn: 'Ratchaburi', region: 5 },
  { code: '71', nameTh: 'กาญจนบุรี', nameEn: 'Kanchanaburi', region: 5 },
  { code: '72', nameTh: 'สุพรรณบุรี', nameEn: 'Suphan Buri', region: 5 },
  { code: '73', nameTh: 'นครปฐม', nameEn: 'Nakhon Pathom', region: 5 },
  { code: '74', nameTh: 'สมุทรสาคร', nameEn: 'Samut Sakhon', region: 5 },
  { code: '75', nameTh: 'สมุทรสงคราม', nameEn: 'Samut Songkhram', region: 5 },
  { code: '76', nameTh: 'เพชรบุรี', nameEn: 'Phetchaburi', region: 5 },
  { code: '77', nameTh: 'ประจวบคีรีขันธ์', nameEn: 'Prachuap Khiri Khan', region: 5 },
  { code: '80', nameTh: 'นครศรีธรรมราช', nameEn: 'Nakhon Si Thammarat', region: 11 },
  { code: '81', nameTh: 'กระบี่', nameEn: 'Krabi', region: 11 },
  { code: '82', nameTh: 'พังงา', nameEn: 'Phang Nga', region: 11 },
  { code: '83', nameTh: 'ภูเก็ต', nameEn: 'Phuket', region: 11 },
  { code: '84', nameTh: 'สุราษฎร์ธานี', nameEn: 'Surat Thani', region: 11 },
  { code: '85', nameTh: 'ระนอง', nameEn: 'Ranong', region: 11 },
  { code: '86', nameTh: 'ชุมพร', nameEn: 'Chumphon', region: 11 },
  { code: '90', nameTh: 'สงขลา', nameEn: 'Songkhla', region: 12 },
  { code: '91', nameTh: 'สตูล', nameEn: 'Satun', region: 12 },
  { code: '92', nameTh: 'ตรัง', nameEn: 'Trang', region: 12 },
  { code: '93', nameTh: 'พัทลุง', nameEn: 'Phatthalung', region: 12 },
  { code: '94', nameTh: 'ปัตตานี', nameEn: 'Pattani', region: 12 },
  { code: '95', nameTh: 'ยะลา', nameEn: 'Yala', region: 12 },
  { code: '96', nameTh: 'นราธิวาส', nameEn: 'Narathiwat', region: 12 },
];

const BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));

/** The province with this DOPA code, or undefined for anything else (a retired or mistyped code). */
export function provinceByCode(code: string | null | undefined): Province | undefined {
  return code ? BY_CODE.get(code) : undefined;
}

/** The codes of the provinces of one health region. */
export function provincesOfRegion(region: number): string[] {
  return PROVINCES.filter((p) => p.region === region).map((p) => p.code);
}

/**
 * How a FHIR Address carries its province as a code. `Address.state` holds the province's name as written;
 * the DOPA code rides beside it in an extension on the Address with a Coding, because none of Address's own
 * elements means "province code": `district` is the amphoe, and a postal code's first two digits are not the
 * DOPA code (Nonthaburi is postal 11xxx but DOPA 12). The Thai MOPH exports the same pair (`state` and a
 * DOPA `address_code`).
 */
export const PROVINCE_EXTENSION = 'https://terms.sil-th.org/fhir/StructureDefinition/address-province';
export const PROVINCE_SYSTEM = 'https://terms.sil-th.org/cs/dopa-province';
