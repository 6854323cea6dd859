export default definePageConfig({ navigationBarTitleText: '网格上报' });
