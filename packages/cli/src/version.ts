// 版本号只从 package.json 取一处，所有机器可读格式都引用它。
import pkg from '../package.json';

export const TIFA_VERSION: string = pkg.version;
/** SARIF driver.informationUri 等处使用的项目主页。 */
export const TIFA_HOMEPAGE = 'https://tifa.dev';
