export default definePageConfig({ navigationBarTitleText: '居民随访' });
