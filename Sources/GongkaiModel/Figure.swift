/// A number as a document published it: its exact value and its text.
///
/// The text is kept for messages ("表6 合计 462.30 ≠ …") and so that nothing
/// a document said is lost; the value is what is computed with.
public struct Figure: Hashable, Sendable {
    /// The exact value, in 元.
    public var amount: Amount
    /// The text as printed (`3,859.30`).
    public var text: String
    /// The source line of this cell, when it differs from its row's line
    /// (PDF text puts the cells of one row on several lines).
    public var line: Int?

    public init(amount: Amount, text: String, line: Int? = nil) {
        self.amount = amount
        self.text = text
        self.line = line
    }
}
