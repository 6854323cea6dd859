export default definePageConfig({ navigationBarTitleText: '签约指标看板' });
