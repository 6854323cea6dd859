// Service packages for the contract journey (issue 6). Packages follow source 001's split: the standard
// fee is paid partly by medical insurance and the public-health fund; the resident pays the rest.
import { COLLECTIONS } from '../../shared/constants/collections';

/** Packages on offer in the demo district (fees in fen). */
export function servicePackages() {
  return [
    {
      _id: 'pkg-basic',
      kind: 'basic',
      name: '基础服务包',
      feeFen: 12000,
      insuranceFen: 6000,
      publicHealthFen: 6000,
      eligibleTags: [],
      services: [
        { code: 'record', name: '建立健康档案', timesPerYear: 1 },
        { code: 'contact', name: '季度健康随访', timesPerYear: 4 },
        { code: 'consult', name: '健康咨询', timesPerYear: 12 },
      ],
    },
    {
      _id: 'pkg-elderly',
      kind: 'personalised',
      name: '老年人健康管理包',
      feeFen: 20000,
      insuranceFen: 8000,
      publicHealthFen: 6000,
      eligibleTags: ['elderly'],
      services: [
        { code: 'checkup', name: '年度体检', timesPerYear: 1 },
        { code: 'visit', name: '上门随访', timesPerYear: 2 },
      ],
    },
    {
      _id: 'pkg-chronic',
      kind: 'personalised',
      name: '慢病管理包',
      feeFen: 24000,
      insuranceFen: 12000,
      publicHealthFen: 6000,
      eligibleTags: ['hypertension', 'diabetes'],
      services: [
        { code: 'glucose', name: '空腹血糖检测', timesPerYear: 4 },
        { code: 'followup', name: '面对面随访', timesPerYear: 4 },
      ],
    },
    {
      _id: 'pkg-child',
      kind: 'personalised',
      name: '儿童保健包',
      feeFen: 10000,
      insuranceFen: 4000,
      publicHealthFen: 4000,
      eligibleTags: ['child'],
      services: [{ code: 'growth', name: '生长发育评估', timesPerYear: 4 }],
    },
  ];
}

/** Every collection this file seeds. */
export function demoContracts(): { collection: string; docs: { _id: string }[] }[] {
  return [{ collection: COLLECTIONS.servicePackages, docs: servicePackages() }];
}
