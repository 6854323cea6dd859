export default definePageConfig({ navigationBarTitleText: '打印门牌码' });
