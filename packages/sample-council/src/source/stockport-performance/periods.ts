// The reporting periods the CFSE results and PPRRs refer to.
import { midYear, quarter } from '../helpers.js';

export const H1_2020 = midYear('2020/21');
export const Q3_2020 = quarter('2020/21', 3);
export const H1_2021 = midYear('2021/22');
export const Q3_2021 = quarter('2021/22', 3);
