/** Thai names with their usual romanisation, for generated patients. */
export const MALE_GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['สมชาย', 'Somchai'], ['ประยุทธ', 'Prayut'], ['วีระ', 'Weera'], ['อนุชา', 'Anucha'], ['สุรชัย', 'Surachai'],
  ['ธนพล', 'Thanaphon'], ['กิตติ', 'Kitti'], ['ณัฐพล', 'Nattaphon'], ['พงศกร', 'Phongsakon'], ['วิทยา', 'Witthaya'],
  ['สมบัติ', 'Sombat'], ['ชัยวัฒน์', 'Chaiwat'], ['อภิชาติ', 'Aphichat'], ['ศักดิ์ชัย', 'Sakchai'], ['ปิยะ', 'Piya'],
  ['ธีรวัฒน์', 'Thirawat'], ['บุญมี', 'Bunmi'], ['มานพ', 'Manop'], ['สุเมธ', 'Sumet'], ['จักรพันธ์', 'Chakkraphan'],
  ['ภานุวัฒน์', 'Phanuwat'], ['ศุภชัย', 'Supachai'], ['ยุทธนา', 'Yutthana'], ['เกียรติศักดิ์', 'Kiattisak'],
];

export const FEMALE_GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['สมหญิง', 'Somying'], ['มาลี', 'Mali'], ['วันเพ็ญ', 'Wanphen'], ['สุดารัตน์', 'Sudarat'], ['กัญญา', 'Kanya'],
  ['นภา', 'Napha'], ['ปราณี', 'Pranee'], ['อรุณี', 'Arunee'], ['จิราพร', 'Jiraporn'], ['พรทิพย์', 'Phonthip'],
  ['ศิริรัตน์', 'Sirirat'], ['รัตนา', 'Rattana'], ['ดวงใจ', 'Duangjai'], ['วิไล', 'Wilai'], ['ธิดารัตน์', 'Thidarat'],
  ['ชนิดา', 'Chanida'], ['อัมพร', 'Amphon'], ['เพ็ญศรี', 'Phensri'], ['ลำดวน', 'Lamduan'], ['กนกวรรณ', 'Kanokwan'],
  ['ปิยนุช', 'Piyanut'], ['สุภาพร', 'Suphaporn'], ['นันทนา', 'Nanthana'], ['อุไรวรรณ', 'Uraiwan'],
];

export const FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['ศรีสวัสดิ์', 'Srisawat'], ['วงศ์ใหญ่', 'Wongyai'], ['แสงอรุณ', 'Saengarun'], ['บุญเรือง', 'Bunrueang'], ['ทองคำ', 'Thongkham'],
  ['สุขเจริญ', 'Sukcharoen'], ['พรหมมา', 'Phromma'], ['จันทร์หอม', 'Chanhom'], ['รักไทย', 'Rakthai'], ['ใจดี', 'Jaidee'],
  ['มั่นคง', 'Mankong'], ['เพชรรัตน์', 'Phetcharat'], ['ชัยมงคล', 'Chaimongkol'], ['อินทร์แก้ว', 'Inkaew'], ['สมบูรณ์', 'Somboon'],
  ['นาคสวัสดิ์', 'Naksawat'], ['ธรรมชาติ', 'Thammachat'], ['ปัญญาดี', 'Panyadee'], ['เรืองศรี', 'Ruengsri'], ['ศรีทอง', 'Srithong'],
  ['บุญประเสริฐ', 'Bunprasoet'], ['แก้วประเสริฐ', 'Kaewprasoet'], ['สายสุวรรณ', 'Saisuwan'], ['พึ่งบุญ', 'Phuengbun'],
  ['มีทรัพย์', 'Meesap'], ['กาญจนวงศ์', 'Kanchanawong'], ['ศักดิ์ดี', 'Sakdee'], ['วิเศษสุข', 'Wisetsuk'],
];
