export default definePageConfig({ navigationBarTitleText: '撰写科普文章' });
