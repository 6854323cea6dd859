export default definePageConfig({ navigationBarTitleText: '咨询家庭医生' });
