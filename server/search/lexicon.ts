// The synonym and colloquial lexicon: how residents say what the catalog calls by an official name.
//
// One group per concept, written as space-separated words (they are all normalized and simplified already):
//   words   interchangeable: a query with any one of them also searches for all the others;
//   means   official terms the words stand for (one way: a query for the official term does not bring back slang);
//   related broader or neighbouring terms, worth about half a synonym.
// Keep it general knowledge of the domain, across the whole catalog (a district's catalog follows the national
// list of items), not answers to particular queries. Pinyin and initials of every word are derived by the index,
// so "shebao" and "sfz" need no entry of their own unless people spell them differently.

export interface LexiconGroup {
  words: string[]
  means: string[]
  related: string[]
  /** Says what kind of thing is wanted (申请, 登记, 证明), not which: alone it does not make an item a result. */
  generic: boolean
}

const list = (text: string) => text.split(/\s+/).filter(Boolean)

function group(words: string, means = '', related = ''): LexiconGroup {
  return { words: list(words), means: list(means), related: list(related), generic: false }
}

function generic(words: string, means = '', related = ''): LexiconGroup {
  return { ...group(words, means, related), generic: true }
}

export const LEXICON: LexiconGroup[] = [
  // ── Identity papers (公安) ──────────────────────────────────────────────────────────────────────────────────
  // The ID card: 二代证 is the second-generation card; and 身份证件 are how people type it.
  group('身份证 居民身份证 二代证 二代身份证 身份证件'),
  // The temporary ID card, issued while the real one is being made.
  group('临时身份证 临时证 临时身份证明', '临时居民身份证'),
  // A document that has run out or is about to: the item is a renewal (换领, 换证, 再次签注).
  group('到期 过期 快到期 快过期 期满 有效期满 有效期到了 更换 换证 换新 换个新的 换一张', '换领 换证 有效期满 补换', '再次签注'),
  // Lost, stolen or never found again: the item is a replacement (补领, 补发) or reporting it lost (挂失).
  group('丢 丢了 丢失 遗失 掉 弄丢 掉了 不见了 找不到了 被偷 被偷了 补办 补证 重办 再办一个', '补领 补发 补换 挂失'),
  // Damaged cards are exchanged, not replaced.
  group('坏 坏了 损坏 磨损 破了 消磁 不能用了 刷不了', '换领 补换'),
  // Household registration (户籍, 户口) in the words people use.
  group('户口 户籍', '', '户口簿 迁移'),
  // The household register booklet, including the common misspelling 户口薄.
  group('户口本 户口簿 户口薄 户籍本', '户口簿'),
  // Registering a newborn in the household register (上户口 is overwhelmingly about babies).
  group('上户口 报户口 新生儿上户口 宝宝上户口 孩子上户口 小孩上户口 报出生', '出生登记', '户口迁入'),
  // Moving a household registration in: joining family (投靠), settling (落户, 入户).
  group('迁入 迁进 迁来 迁到 迁过来 落户 入户 投靠 随迁 夫妻投靠 投靠子女 投靠父母 户口迁进来 迁户口进来', '户口迁入 落户', '人才引进落户'),
  // Moving a household registration out.
  group('迁出 迁走 迁去 迁回老家 转出 迁户口 户口迁走 户口转走 户口迁移 迁移户口', '户口迁出 迁移'),
  // Striking a person off the register after death.
  group('销户 注销户口 户口注销 消户', '户口注销'),
  // The residence permit for people without local household registration; 暂住证 is its old name.
  group('居住证 暂住证 深圳居住证', '居住证'),
  // Registering where one lives (the step before a residence permit).
  group('居住登记 暂住登记 住址登记 申报居住', '居住登记'),
  // Endorsements: a permit's visit endorsement (签注), and getting another one on the same permit (再次签注).
  group('签注 签注签发', '签注'),
  group('续签 再签 加签 续签注 再次签注 再办签注 签注用完了', '再次签注 签注'),
  // Travel to Hong Kong and Macau: the two-way permit (往来港澳通行证), called 港澳通行证 or 回乡 by many.
  group('港澳通行证 往来港澳通行证 香港通行证 澳门通行证 去香港 去澳门 港澳 香港 澳门 港澳签注', '往来港澳通行证'),
  // Travel to Taiwan.
  group('台湾通行证 往来台湾通行证 去台湾 赴台 台湾 入台证 台胞证', '往来台湾通行证'),
  // Passports: anyone going abroad needs one.
  group('护照 出国 出境 出国旅游 出国留学 留学 因私护照 办护照', '普通护照', '出入境'),
  // Certificates that one has no criminal record (often called 良民证 or asked for as 政审).
  group('无犯罪记录证明 无犯罪证明 无犯罪记录 良民证 犯罪记录证明 无违法犯罪证明 政审证明 无犯罪', '无犯罪记录证明'),
  // Dogs must be registered (养犬登记); people ask for a 狗证.
  group('养狗 狗 狗狗 犬 狗证 养犬 犬证 宠物狗 狗牌 养犬证 办狗证 宠物登记 遛狗', '养犬登记'),

  // ── Vehicles and driving (交警, 交通) ──────────────────────────────────────────────────────────────────────
  // The driving licence: 驾照 and 驾驶本 are the everyday names.
  group('驾驶证 驾照 驾驶执照 驾驶本 车本', '机动车驾驶证'),
  // Cars and vehicles in everyday words.
  group('汽车 小汽车 私家车 车辆 机动车 轿车 小车', '机动车'),
  // Traffic tickets and points.
  group('违章 违法 罚单 扣分 交通罚款 交通违法 违停 超速 闯红灯 处理违章 违章处理 电子眼 罚款', '交通违法记录处理'),
  // The annual vehicle inspection and its windscreen sticker.
  group('年检 年审 车检 验车 检车 车辆年检 年检标志 年检贴 检验合格标志', '机动车检验合格标志'),
  // Ride-hailing drivers need a driver's permit of their own.
  group('网约车 滴滴 快车 专车 网约车司机 跑滴滴 开滴滴 网约车驾驶员证 网约车资格证', '网络预约出租汽车驾驶员证'),
  // Haulage: a goods-transport business licence, and the driver's qualification.
  group('货运 拉货 货车 物流 运输公司 跑运输 货运公司 货车司机', '道路货物运输经营许可', '道路运输从业人员从业资格证'),
  // The professional qualification of drivers who carry goods or passengers for a living.
  group('从业资格证 上岗证 客运资格证 货运资格证 道路运输从业资格', '从业资格证'),

  // ── Marriage (婚姻登记) ─────────────────────────────────────────────────────────────────────────────────────
  // Getting married: 领证 and 扯证 mean registering the marriage.
  group('结婚 领证 扯证 登记结婚 领结婚证 结婚证 办结婚证 结婚登记', '结婚登记', '婚姻登记'),
  // Divorce.
  group('离婚 离婚证 协议离婚 办离婚 离婚登记', '离婚登记', '婚姻登记'),
  // Marriage certificates in general (a lost one is 补领婚姻登记证).
  group('婚姻证 婚姻证书 结婚证书 结婚证件', '婚姻登记证', '结婚登记'),
  // Proof of marital and childbearing status (单身证明, 未婚证明), issued by the street office.
  group('婚育证明 婚育情况 未婚证明 单身证明 婚姻状况证明 未婚未育 未婚未育证明 婚姻证明', '婚育情况证明'),

  // ── Older people (养老) ─────────────────────────────────────────────────────────────────────────────────────
  // The elderly: 长者 is the Guangdong word; 养老 and 高龄 are close but not the same thing.
  group('老年人 老人 长者 老年 老人家 长辈 爷爷奶奶 外公外婆 上了年纪 年纪大', '', '养老 高龄 敬老'),
  // Very old people (80+): 高龄 in the catalog.
  group('高龄 高龄老人 八十岁 80岁 八十多岁 80周岁 九十岁 90岁 百岁老人 百岁 长寿', '高龄', '老年人'),
  // Money paid out: 补贴, 津贴 and 补助 are used interchangeably by residents.
  group('补贴 津贴 补助 补助金 资助 补贴金 补贴款', '', '奖励 救助 待遇'),
  // "Getting money": benefits of any kind.
  group('领钱 发钱 给钱 福利 政府补贴 有什么补贴 能领什么', '补贴 津贴 补助 资助 奖励', '救助 待遇'),
  // The preferential card for people over 60 (敬老卡, 老年证): free buses, parks and more.
  group('老年证 老人证 敬老证 敬老卡 老年卡 长者卡 老人卡 老年人优待证 敬老优待证 老人乘车卡 老人公交卡 坐公交免费 免费坐公交 免费乘车 公交免费 免费公交 逛公园免费', '老年人优待证'),
  // Home-care services and their subsidy.
  group('居家养老 上门服务 上门照顾 养老服务补贴 家庭养老 护工 保姆 上门护理', '居家养老服务补贴', '照护'),
  // Care homes.
  group('养老院 敬老院 老人院 福利院 养老机构 住养老院 护理院 老年公寓', '养老机构入住'),
  // People who cannot look after themselves: care allowances.
  group('失能 瘫痪 卧床 不能自理 生活不能自理 半失能 长期护理 瘫痪在床 老年痴呆 失智', '失能 照护补贴', '护理补贴'),
  // Community canteens for the elderly (长者饭堂).
  group('长者饭堂 老人食堂 老年食堂 助餐 老人吃饭 老年餐 送餐 老人饭堂 社区食堂 老年饭桌', '长者饭堂助餐服务'),
  // Free health checks for older people.
  group('体检 免费体检 身体检查 老人体检 健康检查', '健康体检'),

  // ── Social assistance (社会救助) ──────────────────────────────────────────────────────────────────────────────
  // Minimum living allowance.
  group('低保 低保户 最低生活保障 吃低保 低保金 低保证', '最低生活保障'),
  // People with no income, no ability to work and no one to support them (五保 in the countryside).
  group('特困 特困户 五保户 五保 孤寡老人 无依无靠 特困供养 孤寡', '特困人员救助供养'),
  // Emergency help for sudden hardship.
  group('临时救助 急难救助 应急救助 急难 突发困难 遭灾 家里出事', '临时救助', '临时困难'),
  // Hardship in general words.
  group('困难 生活困难 家庭困难 家里困难 困难家庭 没钱 穷 揭不开锅 贫困 贫困户 困难户 生活不下去', '困难 救助 低收入', '最低生活保障 临时救助'),
  // Help and relief in general.
  group('救助 救济 帮扶 困难补助 慰问 慰问金', '救助', '困难'),
  // Low-income household status (a step up from 低保).
  group('低收入 低收入家庭 收入低 低收入认定 低边户 低保边缘', '低收入家庭认定'),

  // ── Death and funerals (死亡殡葬) ───────────────────────────────────────────────────────────────────────────
  // A death in the family: papers to deregister, funeral costs and the funeral grant.
  group('去世 过世 死亡 死 死了 走了 离世 逝世 身故 亡故 病故 人没了 老人走了 家人去世', '死亡 丧葬 殡葬', '注销 继承'),
  // Funerals and burial.
  group('殡葬 丧葬 丧事 后事 火化 火葬 殡仪 办丧事 办后事 墓地 骨灰 安葬 殡仪馆', '殡葬 丧葬'),
  // The funeral grant paid by social insurance.
  group('丧葬费 丧葬补助 丧葬补贴 丧葬金 死亡抚恤 抚恤费', '丧葬补助金'),

  // ── Family (收养, 生育) ──────────────────────────────────────────────────────────────────────────────────────
  // Adoption.
  group('收养 领养 抱养 过继 领养孩子 收养孩子', '收养登记'),
  // Having a baby.
  group('生孩子 生小孩 生宝宝 生娃 生二胎 生三胎 二胎 三胎 添丁 坐月子 分娩 生产 要孩子', '生育 出生', '新生儿'),
  // Pregnancy: registering the birth plan (准生证 is the old name of 生育登记) and antenatal costs.
  group('怀孕 产检 准生证 准生 孕妇 孕检 生育服务证 生育登记', '生育登记', '生育医疗费用'),
  // A newborn.
  group('新生儿 宝宝 婴儿 刚出生 新生宝宝 小宝宝 孩子出生 宝宝出生 刚生的孩子', '新生儿 出生', '出生登记'),
  // The birth certificate issued by the hospital.
  group('出生证 出生证明 出生医学证明 出生纸', '出生医学证明'),
  // Maternity pay and maternity insurance.
  group('产假工资 产假补贴 生育津贴 生育补贴 产假津贴 生育金 生育保险 生育险 产假', '生育津贴 生育医疗费用'),
  // Family planning awards and the one-child certificate.
  group('计划生育 计生 独生子女 独生 奖励扶助', '计划生育 独生子女'),
  // The one-child parents' certificate of honour.
  group('光荣证 独生子女证 独生子女光荣证 独生证 独生子女父母光荣证', '独生子女父母光荣证'),
  // Proof of family-planning status.
  group('计生证明 计划生育证明 政策内生育证明 生育情况证明', '计划生育情况证明'),
  // Children in everyday words.
  group('孩子 小孩 儿童 子女 小朋友 娃', '', '少儿 新生儿 学生'),

  // ── Social insurance cards and contributions (社会保险) ───────────────────────────────────────────────────
  // Social insurance in general: 社保 and 五险.
  group('社保 社会保险 五险 社保局', '社会保险 社会保障', '养老保险 医疗保险 失业保险 工伤保险 生育保险'),
  // The social security card (also the medical insurance card for most people).
  group('社保卡 社会保障卡 医保卡 市民卡', '社会保障卡'),
  // Reporting a card lost, so no one else can use it.
  group('挂失 冻结 停用 止付', '挂失'),
  // Paying contributions.
  group('交社保 缴社保 社保缴费 买社保 续保 交保险 补缴 断缴 社保费 缴费 交钱 缴纳社保 买保险', '社会保险费缴纳 参保登记', '缴纳'),
  // Paying: contributions, fees and deposits (says how, not what: alone it finds nothing).
  generic('交 缴 交钱 缴费 交费 缴交 缴纳 续费', '缴纳 缴存 参保 缴费'),
  // Pensions: what people call 退休金.
  group('退休金 养老金 领养老金 养老待遇 退休工资 领退休金 养老钱', '养老保险待遇 退休', '养老保险'),
  // Pension insurance.
  group('养老保险 养老险 基本养老保险 城乡养老保险 居民养老保险', '养老保险'),
  // Retiring.
  group('退休 办退休 退休手续 到龄退休 退休申请 到年龄了', '正常退休 退休'),
  // The record of one's contributions (社保清单).
  group('社保记录 缴费记录 缴费证明 社保缴费证明 社保缴费记录 社保缴费明细 社保清单 参保证明 社保证明 打印社保 查社保 社保查询 社保明细 缴费明细 交了几年 缴费年限', '个人权益记录查询打印'),
  // Moving insurance records between cities.
  group('社保转移 转社保 社保转出 社保转入 养老保险转移 转关系 社保迁移 换城市 社保跨省', '关系转移接续'),
  group('医保转移 转医保 医保转出 医保转入 医保迁移 医疗保险转移', '医疗保险关系转移接续'),
  // Losing one's job: unemployment benefit and registration.
  group('失业 没工作 丢了工作 被辞退 辞退 开除 炒鱿鱼 被裁员 裁员 辞职 离职 下岗 失业金 失业补助 失业险 没有工作', '失业保险金 失业补助金 失业登记', '就业创业证'),
  // Injury at work.
  group('工伤 上班受伤 工作受伤 工伤事故 因公受伤 职业病 工伤赔偿 干活受伤', '工伤认定 工伤保险待遇'),
  // Self-employed and freelance people paying their own contributions.
  group('灵活就业 自由职业 个人交社保 自己交社保 个人缴纳 个人参保 打零工 没有单位 自由职业者', '灵活就业人员'),

  // ── Medical insurance (医保) ───────────────────────────────────────────────────────────────────────────────
  // Medical insurance in general.
  group('医保 医疗保险 医疗保障 基本医疗保险 医保局', '医疗保险 医疗保障', '医疗费用'),
  // Children's and students' medical insurance.
  group('少儿医保 孩子医保 小孩医保 儿童医保 学生医保 宝宝医保 少儿医疗保险 少儿险', '少儿医疗保险'),
  // Medical insurance for a newborn.
  group('新生儿医保 婴儿医保 刚出生医保 宝宝参保 新生儿参保', '新生儿医疗保险'),
  // Claiming back medical costs.
  group('报销 报账 医药费报销 看病报销 手工报销 垫付 自费 医药费 看病钱 医疗费', '报销 医疗费用'),
  // Treatment in another city.
  group('异地就医 异地医保 外地看病 回老家看病 外地就医 跨省就医 转诊 异地报销 异地备案 异地 外地就诊 外地住院', '异地就医备案'),
  // Chronic and serious illness outpatient cover (门特).
  group('门特 特病 慢性病 慢病 大病 特殊病种 门诊特殊病 门慢 透析 尿毒症 癌症 糖尿病 高血压 放化疗', '门诊特定病种'),

  // Social organizations: associations, chambers, societies (社会团体), and private non-profits (民办非企业).
  group('社会团体 社团 协会 商会 学会 研究会 促进会 联谊会 基金会 成立协会 成立社团 成立商会', '社会团体成立登记'),
  group('民办非企业 民非 社会服务机构 民办机构 民办非营利 非营利机构 社工机构', '民办非企业单位成立登记'),
  // Moving something elsewhere: insurance, registrations, certificates.
  group('转移 转到 转去 转回 转走 转出去 转进来 转入', '转移 迁移', '转移接续'),
  // Setting something up.
  group('成立 设立 开办 创办 新设 新办', '成立 设立', '新办'),

  // ── Work and business support (人力资源) ──────────────────────────────────────────────────────────────────
  // Starting work: employment registration.
  group('入职 找到工作 上班 就业 招工 用工登记 就业登记 找工作', '就业登记', '就业创业证'),
  // The employment and unemployment card.
  group('就业创业证 失业证 就业证 就业失业登记证 创业证', '就业创业证'),
  // Starting one's own business.
  group('创业 自己当老板 做生意 当老板 自主创业', '创业', '个体工商户 企业设立'),
  // Start-up grants.
  group('创业补贴 创业补助 创业资助 开店补贴 创业扶持 创业奖励', '创业补贴 创业资助'),
  // Start-up loans with government guarantees.
  group('创业贷款 贷款创业 贴息贷款 担保贷款 创业贷 无息贷款', '创业担保贷款'),
  // Disputes with an employer: arbitration.
  group('劳动仲裁 劳动纠纷 劳动争议 仲裁 工资纠纷 被开除 违法辞退 赔偿金 经济补偿 辞退赔偿 工伤赔偿纠纷', '劳动人事争议仲裁'),
  // Unpaid wages and other employer violations: labour inspection.
  group('欠薪 拖欠工资 讨薪 不发工资 工资拖欠 老板跑路 克扣工资 投诉老板 投诉公司 劳动监察 没签合同 不签合同 加班费 欠工资', '劳动保障监察投诉'),
  // Skill certificates.
  group('技能证书 职业资格证 技能等级证 等级证书 技工证 职业证书 技能证 电工证 厨师证', '职业技能等级证书'),
  // Grants for getting a skill certificate.
  group('技能补贴 考证补贴 培训补贴 证书补贴 考证 技能提升', '技能提升补贴'),
  // Settling as a talent (graduates, skilled workers).
  group('人才引进 人才落户 学历落户 大学生落户 毕业生落户 应届生落户 人才入户 技术落户 本科落户', '人才引进落户'),

  // ── Housing (住房) ─────────────────────────────────────────────────────────────────────────────────────────
  // Public rental housing.
  group('公租房 公共租赁住房 廉租房 保障房 申请住房 政府的房子 便宜房子', '公共租赁住房 保障性租赁住房'),
  // Affordable rental housing (保租房).
  group('保租房 保障性租赁住房 保障性住房', '保障性租赁住房'),
  // Talent housing.
  group('人才房 人才住房 人才公寓 人才安居', '人才住房'),
  // Renting.
  group('租房 租房子 租赁 房屋租赁 租住', '租赁 租房'),
  // Landlords and tenants: rented rooms must be registered.
  group('房东 租客 出租屋 租户 出租房 出租房屋 房子出租', '出租屋 租赁'),
  // The lease contract and its registration.
  group('租房合同 租赁合同 租房备案 租约备案 合同备案 租赁备案 租房登记', '房屋租赁合同登记备案'),
  // Building permits.
  group('施工许可证 施工证 开工许可 建房 盖房 开工', '建筑工程施工许可'),
  // Handing over a finished building.
  group('竣工 完工验收 竣工备案 竣工验收', '竣工验收备案'),
  // Selling homes before they are built.
  group('卖楼 楼盘预售 预售证 期房 预售', '商品房预售许可'),
  // Gas supply businesses.
  group('燃气 煤气 液化气 天然气 卖煤气 煤气罐 燃气公司', '燃气经营'),

  // ── Property (不动产) ──────────────────────────────────────────────────────────────────────────────────────
  // Property in general.
  group('房产 房子 房屋 物业 楼房 商品房', '', '不动产 房屋 住房'),
  // The property certificate (红本).
  group('房产证 房本 红本 不动产证 不动产权证 房产本 产权证 房屋产权证 房证 不动产权证书', '不动产权证书'),
  // Buying or selling a home: the title transfer (过户).
  group('卖房 买房 买卖房 二手房 过户 房产过户 房子过户 买二手房 房屋买卖 交易过户 卖房子 买房子 房屋过户 赠与 送房子', '转移登记 房屋所有权转移', '契税 购房'),
  // Inheriting a home.
  group('继承 遗产 继承房子 继承房产 父母房子过户 遗嘱 遗赠', '继承房产转移登记', '继承'),
  // Mortgages.
  group('抵押 房贷 按揭 贷款抵押 抵押贷款 房产抵押 办抵押', '不动产抵押登记', '抵押'),
  // Releasing a mortgage after paying it off.
  group('解押 还清贷款 注销抵押 赎楼 解除抵押 还完房贷 撤押', '不动产抵押注销登记'),
  // A newly built home's first registration.
  group('新房 首次登记 交房 收楼 新房办证 新房房产证 开发商 大证 初始登记', '首次登记'),
  // Looking up property records.
  group('查档 房产查询 查房产 产权查询 房屋查册 查册 名下房产 查房 房产信息', '不动产登记资料查询'),
  // Changing registered details (name, address).
  group('变更 更改 修改 改名 改名字 信息变更 更名 改信息', '变更', '变更登记'),

  // ── Schools (教育) ─────────────────────────────────────────────────────────────────────────────────────────
  // Starting primary school.
  group('上小学 读小学 小一 幼升小 小学入学 小学报名 一年级 小学学位 小一学位', '小学一年级入学'),
  // Starting middle school.
  group('上初中 读初中 小升初 初一 初中学位 初中报名 初中入学', '初中一年级入学'),
  // School places in general.
  group('上学 入学 读书 学位 孩子上学 报名上学 学位申请 上学报名 入学报名 学位房 积分入学', '入学', '转学'),
  // Changing schools.
  group('转学 转校 换学校 插班 转学籍', '转学'),
  // Kindergarten.
  group('幼儿园 上幼儿园 入园 托儿所 幼儿园报名 读幼儿园 幼儿园学位', '幼儿园入园'),
  // Teacher's qualification.
  group('教师资格证 教资 老师证 教师证 当老师 教师资格', '教师资格认定'),
  // Opening a private school or training centre.
  group('办学校 开学校 培训学校 办学 开培训班 培训机构 民办学校 私立学校', '民办学校设立'),
  // Financial help for students from poor families.
  group('助学金 贫困生 学生资助 困难学生 学费减免 助学 助学贷款 学生补助', '学生资助'),

  // ── Disability (残疾人) ────────────────────────────────────────────────────────────────────────────────────
  // Disability in everyday words.
  group('残疾 残疾人 残障 残废 残障人士', '残疾人', '伤残'),
  // The disability certificate.
  group('残疾证 残联证 残疾人证 残疾证明', '残疾人证'),
  // The two disability allowances (两项补贴).
  group('两项补贴 残疾补贴 残疾人补贴 残疾人生活补贴 护理补贴 重度残疾', '困难残疾人生活补贴 重度残疾人护理补贴'),
  // Assistive devices.
  group('辅具 辅助器具 轮椅 助听器 假肢 拐杖 助行器 盲杖 矫形器', '辅助器具适配'),
  // Employment support for disabled people.
  group('残疾人就业 残疾人工作 残疾人上班', '残疾人就业补贴'),

  // ── Service members and veterans (退役军人) ───────────────────────────────────────────────────────────────
  // Veterans.
  group('退役军人 退伍军人 退伍 退役 复员 转业 老兵 复员军人 转业军人', '退役军人 退役士兵', '优待抚恤'),
  // Military service and registration for it.
  group('当兵 参军 入伍 征兵 兵役登记 服兵役 应征 应征入伍 兵役', '兵役登记'),
  // Families of serving conscripts.
  group('军属 军嫂 义务兵家属 家里有人当兵 优待金 军人家属 义务兵', '义务兵家庭优待金'),
  // Survivors' and disability pensions of service members.
  group('抚恤 抚恤金 烈士 烈属 遗属 烈士家属', '抚恤', '优待抚恤'),
  // Disabled service members.
  group('伤残军人 残疾军人 伤残抚恤 伤残证 伤残军人证', '伤残抚恤关系接收'),
  // The one-off grant for conscripts who find their own jobs.
  group('退伍费 退役金 退伍补助 退伍一次性补助 自主就业 退伍安置', '退役士兵自主就业一次性经济补助'),
  // Service members in general.
  group('军人 部队 当过兵', '', '退役军人 优待抚恤'),

  // ── Taxes (税务) ───────────────────────────────────────────────────────────────────────────────────────────
  // Individual income tax and the annual reconciliation (退税).
  group('个税 个人所得税 所得税 退税 个税汇算 年度汇算 汇算清缴 个税退税 工资税 补税 汇算', '个人所得税综合所得汇算清缴'),
  // Proof of taxes paid.
  group('完税证明 纳税证明 纳税记录 个税证明 交税证明 税单 收入证明 个税记录', '个人所得税纳税记录开具'),
  // Invoices issued on one's behalf.
  group('发票 开发票 代开发票 开票 普通发票 增值税发票 普票', '代开增值税普通发票'),
  // Taxes on buying a home.
  group('契税 买房交税 房产税 交易税 购房税 房屋契税', '房产交易契税申报'),
  // Tax clearance when closing a business.
  group('清税 税务注销 注销税务 清税证明', '清税证明开具'),
  // Setting up tax affairs for a new business.
  group('税务登记 报税 新办企业报税 领发票 税务报到 办税 税控 新公司报税', '新办纳税人涉税事项套餐'),
  // Taxes in general.
  group('税 税务 交税 纳税 缴税 税费', '', '税务'),

  // ── Businesses (市场监管) ─────────────────────────────────────────────────────────────────────────────────
  // The business licence: what people think of first when starting any business.
  group('营业执照 执照 工商执照 办执照 工商登记 注册登记 营业证 工商营业执照', '设立登记 个体工商户设立登记 企业设立登记', '个体工商户 企业'),
  // Sole traders (个体户).
  group('个体户 个体工商户 个体经营 小生意 摆摊 夫妻店 个体', '个体工商户'),
  // Opening a shop.
  group('开店 开个店 开门店 开铺子 开档口 开商铺 开网店 开小店 开店铺', '个体工商户设立登记 食品经营许可 设立登记', '店铺招牌'),
  // Opening a restaurant or anything that sells food: food business licence.
  group('开饭店 开餐馆 开餐厅 开小吃店 开奶茶店 卖吃的 小吃 做小吃 卖小吃 小吃摊 早餐店 卖早餐 餐饮 开面馆 开快餐店 做餐饮 开火锅店 饭店 餐馆 餐厅 小吃店 奶茶店 开饭馆 饭馆', '食品经营许可 个体工商户设立登记'),
  // Small shops that sell packaged food only.
  group('开超市 开便利店 卖零食 小卖部 卖预包装食品 卖饮料 便利店 超市 杂货店 烟酒店', '预包装食品 食品经营许可 个体工商户设立登记'),
  // The food licence.
  group('食品经营许可证 食品许可证 食品证 餐饮许可证 餐饮证 食品经营证 食品许可 食品经营', '食品经营许可'),
  // Small food workshops.
  group('作坊 小作坊 食品加工 做豆腐 做糕点 手工作坊 加工食品', '食品小作坊'),
  // Companies and other employers in general.
  group('公司 企业 有限公司 工厂 厂子', '企业', '单位'),
  // Companies: setting one up.
  group('开公司 注册公司 成立公司 办公司 公司注册 新公司 办企业 注册企业 开厂 开工厂', '企业设立登记'),
  // Changing a company's registration.
  group('公司变更 改公司名 换法人 变更法人 增资 减资 改地址 变更经营范围 公司改名 股权变更', '企业变更登记'),
  // Closing a company.
  group('公司注销 关闭公司 注销公司 公司不做了 关公司 公司倒闭', '企业注销登记 企业简易注销登记'),
  // Closing a sole trader's shop.
  group('不开店了 关店 个体户注销 关门不做了 店不开了 注销个体户 店铺注销 注销营业执照 执照注销', '个体工商户注销登记'),
  // Changing a sole trader's registration.
  group('个体户变更 店铺变更 改店名 换经营者 个体户改名', '个体工商户变更登记'),
  // Deregistration in general.
  group('注销 关闭 撤销 不做了 不干了 不想干了 不想开 不开了 不想做了 停业 关门 倒闭 歇业', '注销', '注销登记'),
  // Pharmacies.
  group('药店 开药店 药房 卖药 零售药店 开药房 大药房', '药品零售企业经营许可'),
  // Medical devices.
  group('医疗器械 卖医疗器械 器械备案 二类器械 医疗器械店', '第二类医疗器械经营备案'),
  // Special equipment that must be registered before use.
  group('电梯 锅炉 压力容器 叉车 起重机 特种设备 电梯登记', '特种设备使用登记'),
  // Trademarks and pledging them.
  group('商标 商标质押 知识产权质押 专利质押 商标抵押', '商标专用权质押登记'),
  // Health permits for public places (salons, hotels, pools).
  group('卫生许可证 卫生证 开美容院 开理发店 开宾馆 开旅馆 美容美发 理发店 美容院 宾馆 旅馆 酒店 公共场所', '公共场所卫生许可'),
  // The health certificate food and service workers need.
  group('健康证 健康证明 从业健康证 食品健康证 体检证 餐饮健康证 办健康证', '从业人员健康证明'),
  // Clinics and hospitals.
  group('诊所 开诊所 门诊部 医疗机构 开医院 医院 卫生所 卫生站', '医疗机构执业登记'),
  // Doctors' licences.
  group('医生 医师 执业医师 医生执业证 医师证 多点执业 医师执业', '医师执业注册'),

  // ── The city (城管) ────────────────────────────────────────────────────────────────────────────────────────
  // Outdoor advertising.
  group('广告牌 户外广告 广告 广告位 楼顶广告 大屏广告', '户外广告设置许可'),
  // Shop signs.
  group('招牌 店招 门头 门头招牌 店铺招牌 挂招牌 换招牌', '店铺招牌设置备案'),
  // Occupying a road.
  group('占道 占用道路 占道经营 占道施工 道路施工 挖路 临时占道 封路', '临时占用城市道路许可'),
  // Construction waste.
  group('建筑垃圾 装修垃圾 渣土 余泥渣土 拆迁垃圾 泥头车', '城市建筑垃圾处置核准'),
  // Cutting or moving trees.
  group('砍树 伐树 修剪树木 移树 树木砍伐 迁移树木 挖树', '砍伐城市树木审批'),

  // ── Culture and sport (文体) ───────────────────────────────────────────────────────────────────────────────
  // Entertainment venues.
  group('ktv 卡拉ok 歌厅 夜总会 娱乐场所 游戏厅 歌舞厅 开ktv 酒吧 舞厅', '娱乐场所经营许可'),
  // Internet cafés.
  group('网吧 网咖 电竞馆 上网服务 开网吧', '互联网上网服务营业场所'),
  // High-risk sports businesses.
  group('游泳池 游泳馆 攀岩 潜水 滑雪 蹦极 高危体育 开游泳馆 高危运动', '高危险性体育项目经营许可'),
  // Commercial performances.
  group('演出 演唱会 表演 商演 办演出 音乐节 营业性演出 晚会', '营业性演出审批'),

  // ── Law (司法) ─────────────────────────────────────────────────────────────────────────────────────────────
  // Free legal help.
  group('法律援助 免费律师 请不起律师 法援 找律师 律师 打官司 法律咨询 法律帮助 起诉 告人 被告 咨询律师', '法律援助'),
  // Mediation of disputes.
  group('调解 纠纷 邻里纠纷 吵架 矛盾 家庭纠纷 人民调解 邻居纠纷', '人民调解'),
  // Notarization.
  group('公证 公证书 委托公证 声明公证 办公证 公证处 委托书公证', '公证申请'),
  // Community corrections (probation and parole).
  group('社区矫正 矫正 缓刑 假释 社区服刑 监外执行', '社区矫正对象报到'),

  // ── Housing provident fund (公积金) ───────────────────────────────────────────────────────────────────────
  // The fund itself; 公基金 is a common misspelling.
  group('公积金 住房公积金 公基金', '住房公积金'),
  // Taking money out of the fund.
  group('取公积金 提公积金 公积金提取 提取公积金 公积金取出来 拿公积金 公积金取现 取出公积金 提取 取出来 取现 提现', '住房公积金提取'),
  // Fund loans.
  group('公积金贷款 公积金买房贷款 用公积金贷款 公积金房贷 公积金贷', '住房公积金个人住房贷款'),
  // Paying off a loan with the fund.
  group('还房贷 还贷款 还贷 月供 提前还款 偿还贷款', '偿还贷款'),
  // Proof of fund contributions.
  group('公积金证明 缴存证明 公积金缴存证明 公积金流水 公积金明细 公积金记录', '住房公积金缴存证明'),
  // Paying into the fund oneself.
  group('自己交公积金 个人缴公积金 公积金开户 自愿缴存 个人交公积金 自己缴公积金', '灵活就业人员住房公积金缴存登记'),

  // ── Environment and safety (环保, 应急) ───────────────────────────────────────────────────────────────────
  // Environmental impact assessment.
  group('环评 环境影响评价 环评审批 环评报告 环评备案', '环境影响报告表 环境影响登记表'),
  // Discharge permits.
  group('排污 排污证 污水排放 排污许可 废水 废气 排放', '排污许可证'),
  // Dangerous chemicals.
  group('危险化学品 危化品 化学品 卖化工 化工 易燃易爆 油漆 酒精', '危险化学品经营许可'),
  // Emergency plans of businesses.
  group('应急预案 安全预案 事故预案 安全生产预案', '应急预案备案'),
  // Fireworks.
  group('烟花 鞭炮 爆竹 卖烟花 炮仗 卖鞭炮 烟花爆竹', '烟花爆竹零售经营许可'),
  // Industrial upgrades and subsidies for factories.
  group('技改 技术改造 设备更新 技改备案', '技术改造项目备案'),
  group('企业补贴 扶持资金 政府补贴企业 产业扶持 工业扶持 资金扶持 企业扶持 工厂补贴', '工业企业扶持资金'),

  // ── Certificates from the street office (街道) ─────────────────────────────────────────────────────────────
  // Proof of address.
  group('居住证明 住址证明 居住地证明 现住址证明 住址 地址证明', '居住证明'),
  // Hardship relief from the street office.
  group('慰问金 困难慰问 临时困难 生活补助', '临时困难慰问金'),

  // ── Words that say what kind of thing is wanted ──────────────────────────────────────────────────────────────
  // Applying for something.
  generic('申请 申领 领取 申办', '', '申请 申领'),
  // Getting a replacement (the act, not the loss).
  generic('补 补领 补发 补办证件 补换', '补领 补发 补换'),
  // Getting a renewal.
  generic('换 换领 换发 换证件', '换领 换证'),
  // Looking something up or printing it.
  generic('查询 查 查看 打印 查一下 查找', '查询', '打印'),
  // Certificates and proofs issued on request.
  generic('证明 开证明 证明信 开具证明', '证明', '开具'),
  // Permits and licences in general.
  generic('许可证 许可 执照 牌照 资质', '许可'),
  // Registrations and filings.
  generic('登记 备案 报备', '', '登记 备案'),
]
