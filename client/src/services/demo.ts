/** Storage key of the demo identity chosen on the H5 dev login page (both transports import it). */
export const DEMO_OPENID_KEY = 'jy.demoOpenid';
