import type { DeepStrings } from './types.ts';

/** zh-CN catalogue, resident app part: "my home" (rooms, household, vehicles) and binding a room. */
export const myHomeText = {
  myHome: {
    title: '我的房屋',
    empty: '您还没有绑定房屋，绑定后可查看家庭成员、车辆和账单。',
    areaValue: '{{area}} m²',
    pendingCount: '{{count}} 条绑定申请待审核',
    relation: { owner: '业主', co_owner: '共有人', tenant: '租户', family: '家庭成员' },
    roomStatus: { vacant: '空置', occupied: '入住', decorating: '装修', rented: '出租' },
    room: {
      project: '小区',
      code: '房号',
      area: '建筑面积',
      status: '房屋状态',
      myRelation: '我的身份',
      people: '家庭成员 / 同住人',
      noPeople: '暂无登记的住户',
      me: '我',
      vehicles: '车辆',
      noVehicles: '暂无登记的车辆',
      noVehicleInfo: '未登记品牌颜色',
      notFound: '房屋不存在或您无权查看',
    },
    bind: {
      title: '绑定房屋',
      stepProject: '1. 选择小区',
      stepRoom: '2. 选择房号',
      stepInfo: '3. 填写身份',
      projectPlaceholder: '输入小区名称搜索',
      noProjects: '没有找到该小区',
      roomPlaceholder: '输入房号，如 1-1-0101',
      noRooms: '没有找到该房号',
      change: '更换',
      name: '姓名',
      relation: '与房屋的关系',
      matchHint: '姓名和手机号与物业登记的信息一致时将自动通过，否则由物业客服审核。',
      submit: '提交绑定',
      approvedTitle: '绑定成功',
      approvedText: '已绑定 {{room}}',
      pendingTitle: '已提交，等待审核',
      pendingText: '{{room}} 的绑定申请已提交，物业客服审核后会通知您。',
      viewRoom: '查看房屋',
      viewRequests: '查看我的申请',
      again: '继续绑定其他房屋',
    },
    requests: {
      title: '我的绑定申请',
      empty: '暂无绑定申请',
      submittedAt: '提交于 {{time}}',
      note: '审核意见：{{note}}',
      status: { pending: '待审核', approved: '已通过', rejected: '未通过' },
    },
  },
};

export type MyHomeCatalogue = DeepStrings<typeof myHomeText>;
