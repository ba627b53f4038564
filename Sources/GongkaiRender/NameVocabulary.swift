import GongkaiModel

/// Words that generated documents are named with: districts, departments,
/// 功能 and 经济 classification names, projects, purchases.
///
/// Names are of realistic length, from 4 to about 30 characters, so that
/// the PDF layouts have to wrap the long ones; none holds a digit, so none
/// can be taken for an amount or a code.
enum NameVocabulary {
    static let districts = ["江汉区", "江岸区", "硚口区", "汉阳区", "武昌区", "青山区", "洪山区", "东西湖区",
                            "蔡甸区", "江夏区", "黄陂区", "新洲区", "汉南区"]

    static let departments = ["科学技术和经济信息化局", "教育局", "民政局", "文化和旅游局", "卫生健康委员会",
                              "城市管理执法委员会", "人力资源和社会保障局", "农业农村局", "商务局", "审计局",
                              "退役军人事务局", "市场监督管理局", "园林和林业局", "住房和城市更新局"]

    static let topics = ["科学技术", "工业和信息产业", "中小企业发展", "文化旅游", "社会保障", "卫生健康",
                         "城乡社区", "农业农村", "交通运输", "生态环境", "商贸流通", "知识产权",
                         "数字经济", "安全生产", "应急管理", "就业创业", "养老服务", "公共卫生",
                         "全民健身", "市场监管", "统计信息", "档案管理", "人才发展", "基层治理"]

    static let kuanSuffixes = ["管理事务", "技术研究与开发", "科技条件与服务", "监管支出", "发展与服务",
                               "事业单位离退休", "改革与发展支出", "基础设施建设", "行业专项支出",
                               "公共服务体系建设与运行维护"]

    static let xiangNames = ["行政运行", "一般行政管理事务", "机关服务", "事业运行", "专项业务活动",
                             "信息化建设", "行业规划与标准制定", "机关事业单位基本养老保险缴费支出",
                             "机关事业单位职业年金缴费支出", "行政单位离退休", "住房公积金", "提租补贴",
                             "购房补贴", "公务员医疗补助", "行政单位医疗", "科技成果转化与扩散",
                             "重点研发计划", "技术创新服务体系"]

    static let projectStems = ["支持工业经济发展", "支持科技创新发展", "创新创业活动及企业开拓市场补贴",
                               "重点企业培育奖励", "专精特新企业认定", "科技成果转化", "数字经济产业链建设",
                               "安全生产监督检查", "后勤服务支出", "在职人员体检费", "老干经费",
                               "创业中心大楼运行维护费", "驻村帮扶工作经费", "法律顾问服务",
                               "高新技术企业认定评审", "产业园区招商引资服务"]

    static let projectTails = ["资金", "工作经费", "专项资金", "补助资金", "服务采购"]

    static let purchases = [("货物类", "复印纸"), ("货物类", "台式计算机"), ("货物类", "办公家具"),
                            ("服务类", "物业管理服务"), ("服务类", "印刷服务"), ("服务类", "审计服务"),
                            ("服务类", "信息系统运行维护服务"), ("工程类", "办公用房维修工程")]

    static let services = ["政府履职所需辅助性服务", "法律顾问服务", "会议服务", "评审服务", "课题研究和社会调查",
                           "信息化技术服务", "物业服务", "财务会计审计服务"]

    /// 经济分类 款 of 基本支出: (code, name, paid from 人员经费 rather than 公用经费).
    static let economic: [(code: String, name: String, personnel: Bool)] = [
        ("30101", "基本工资", true), ("30102", "津贴补贴", true), ("30103", "奖金", true),
        ("30107", "绩效工资", true), ("30108", "机关事业单位基本养老保险缴费", true),
        ("30109", "职业年金缴费", true), ("30110", "职工基本医疗保险缴费", true),
        ("30112", "其他社会保障缴费", true), ("30113", "住房公积金", true), ("30199", "其他工资福利支出", true),
        ("30201", "办公费", false), ("30202", "印刷费", false), ("30205", "水费", false), ("30206", "电费", false),
        ("30207", "邮电费", false), ("30209", "物业管理费", false), ("30211", "差旅费", false),
        ("30213", "维修（护）费", false), ("30216", "培训费", false), ("30217", "公务接待费", false),
        ("30228", "工会经费", false), ("30229", "福利费", false), ("30231", "公务用车运行维护费", false),
        ("30239", "其他交通费用", false), ("30299", "其他商品和服务支出", false),
        ("30301", "离休费", true), ("30302", "退休费", true), ("30305", "生活补助", true),
        ("30307", "医疗费补助", true), ("30399", "其他对个人和家庭的补助", true),
    ]

    static let economicClasses = ["301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助"]

    /// The 类 codes and names of the catalog, in code order.
    static let functionClasses: [(code: String, name: String)] =
        Catalog.shared.items.functionClasses.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
}

extension SplitMix64 {
    /// A uniformly chosen element.
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    /// A sorted random choice of `k` of the numbers `1...n` (selection sampling).
    mutating func choose(_ k: Int, of n: Int) -> [Int] {
        var result: [Int] = []
        var needed = min(k, n)
        for i in 1...max(1, n) where needed > 0 {
            let remaining = n - i + 1
            if Int(next() % UInt64(remaining)) < needed { result.append(i); needed -= 1 }
        }
        return result
    }
}
