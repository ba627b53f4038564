/// The unit a document publishes its amounts in.
public enum SourceUnit: String, Codable, Sendable, CaseIterable {
    case wanYuan = "万元"
    case yuan = "元"

    /// 分 per one of this unit.
    public var fenPerUnit: Int64 {
        switch self {
        case .wanYuan: 1_000_000
        case .yuan: 100
        }
    }

    /// Decimal digits of 分 below one of this unit.
    var decimalDigits: Int {
        switch self {
        case .wanYuan: 6
        case .yuan: 2
        }
    }

    /// Half a unit of the last published digit (0.005 万元 or 0.005 元), the
    /// most that rounding one published figure can move it.
    public var halfLastDigit: Amount {
        Amount(fen: self == .wanYuan ? 5_000 : 1)
    }
}
