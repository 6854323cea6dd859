export default definePageConfig({ navigationBarTitleText: '居民咨询' });
