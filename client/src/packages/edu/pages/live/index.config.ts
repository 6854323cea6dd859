export default definePageConfig({ navigationBarTitleText: '健康直播' });
