import { staffZh } from '../../../../i18n/staff';

export default definePageConfig({ navigationBarTitleText: staffZh.title });
