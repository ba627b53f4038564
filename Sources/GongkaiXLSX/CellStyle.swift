internal import CXlsxWriter

/// The look of a cell: font, fill, borders, alignment and number format.
///
/// A plain value, so styles can be built once (e.g. "table header", "amount") and
/// compared freely. A `Workbook` turns each distinct style into exactly one
/// libxlsxwriter format the first time it is used and reuses it afterwards, which
/// keeps `styles.xml` small and makes the output independent of how many times a
/// style value was re-created. Properties left at their defaults are not written,
/// so `CellStyle()` is Excel's default look.
public struct CellStyle: Hashable, Sendable {
    /// An sRGB colour, written as `0xRRGGBB`.
    public struct Color: Hashable, Sendable {
        /// The colour as `0xRRGGBB`.
        public var rgb: UInt32

        /// Creates a colour from `0xRRGGBB`.
        public init(rgb: UInt32) { self.rgb = rgb }

        /// Pure black; written with libxlsxwriter's explicit-black sentinel (see `lxwColor`).
        public static let black = Color(rgb: 0x000000)
        /// Pure white.
        public static let white = Color(rgb: 0xFFFFFF)
    }

    /// Horizontal placement of the cell text.
    public enum HorizontalAlignment: Hashable, Sendable {
        case general, left, center, right, fill, justify, centerAcrossSelection, distributed
    }

    /// Vertical placement of the cell text; Excel's default is `bottom`.
    public enum VerticalAlignment: Hashable, Sendable {
        case bottom, top, center, justify, distributed
    }

    /// Cell border: none, or a thin line on all four sides (the only style budget tables use).
    public enum Border: Hashable, Sendable {
        case none, thin
    }

    /// The number format that makes Excel treat the cell as text (`@`).
    public static let textNumberFormat = "@"

    /// Font family, e.g. `宋体`; nil keeps the workbook default (Calibri).
    public var fontName: String?
    /// Font size in points (1–409); nil keeps the default (11).
    public var fontSize: Double?
    /// Bold font.
    public var bold: Bool
    /// Italic font.
    public var italic: Bool
    /// Font colour; nil keeps the default (automatic, black).
    public var fontColor: Color?
    /// Solid background fill; nil means no fill.
    public var fillColor: Color?
    /// Thin lines on all four sides, or none.
    public var border: Border
    /// Horizontal placement; `.general` lets Excel align text left and numbers right.
    public var horizontalAlignment: HorizontalAlignment
    /// Vertical placement; `.bottom` is Excel's default.
    public var verticalAlignment: VerticalAlignment
    /// Wrap long text onto several lines inside the cell.
    public var wrapsText: Bool
    /// Excel number format code, e.g. `#,##0.00`; nil means General.
    public var numberFormat: String?
    /// Indent level (0–15); Excel applies it to left/right/distributed alignment.
    public var indent: Int

    /// Whether the cell is formatted as text (number format `@`).
    ///
    /// Stored as the number format itself so the two can never disagree.
    public var isText: Bool {
        get { numberFormat == Self.textNumberFormat }
        set {
            if newValue { numberFormat = Self.textNumberFormat } else if isText { numberFormat = nil }
        }
    }

    /// Creates a style; every argument defaults to Excel's default look.
    public init(
        fontName: String? = nil, fontSize: Double? = nil, bold: Bool = false, italic: Bool = false,
        fontColor: Color? = nil, fillColor: Color? = nil, border: Border = .none,
        horizontalAlignment: HorizontalAlignment = .general, verticalAlignment: VerticalAlignment = .bottom,
        wrapsText: Bool = false, numberFormat: String? = nil, indent: Int = 0
    ) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.fontColor = fontColor
        self.fillColor = fillColor
        self.border = border
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
        self.wrapsText = wrapsText
        self.numberFormat = numberFormat
        self.indent = indent
    }
}

extension CellStyle {
    /// Checks the style against Excel's limits and libxlsxwriter's fixed-size fields.
    ///
    /// libxlsxwriter silently truncates names and format codes longer than 127
    /// bytes and accepts sizes Excel would refuse to open, so the checks live here.
    func validate(context: @autoclosure () -> String) throws {
        let context = context()
        if let fontName {
            guard !fontName.isEmpty, fontName.utf16.count <= 31 else {
                throw XLSXError.invalidArgument(reason: "font name must be 1–31 characters, got \"\(fontName)\"", context: context)
            }
        }
        if let fontSize, !(1...409).contains(fontSize) {
            throw XLSXError.invalidArgument(reason: "font size \(fontSize) is outside 1–409 points", context: context)
        }
        for (label, color) in [("font colour", fontColor), ("fill colour", fillColor)] {
            if let color, color.rgb > 0xFFFFFF {
                throw XLSXError.invalidArgument(reason: "\(label) 0x\(String(color.rgb, radix: 16)) is not 0xRRGGBB", context: context)
            }
        }
        if let numberFormat {
            let maxBytes = Int(LXW_FORMAT_FIELD_LEN) - 1
            guard !numberFormat.isEmpty, numberFormat.utf8.count <= maxBytes else {
                throw XLSXError.invalidArgument(reason: "number format must be 1–\(maxBytes) bytes, got \"\(numberFormat)\"", context: context)
            }
        }
        guard (0...15).contains(indent) else {
            throw XLSXError.invalidArgument(reason: "indent \(indent) is outside 0–15", context: context)
        }
    }

    /// Copies the style onto a freshly created libxlsxwriter format.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if let fontName { format_set_font_name(format, fontName) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if let fontColor { format_set_font_color(format, fontColor.lxwColor) }
        if let fillColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fillColor.lxwColor)
        }
        if border == .thin { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let alignment = horizontalAlignment.lxwAlignment { format_set_align(format, UInt8(alignment.rawValue)) }
        if let alignment = verticalAlignment.lxwAlignment { format_set_align(format, UInt8(alignment.rawValue)) }
        if wrapsText { format_set_text_wrap(format) }
        if isText {
            // Built-in format 49 is Excel's own "@", so Excel lists the cell as Text
            // rather than as a custom format that happens to be "@".
            format_set_num_format_index(format, 49)
        } else if let numberFormat {
            // Written as an explicit code (not mapped to a built-in index) so that
            // styles.xml states the format literally and every reader renders the same.
            format_set_num_format(format, numberFormat)
        }
        if indent > 0 { format_set_indent(format, UInt8(indent)) }
    }
}

extension CellStyle.Color {
    /// libxlsxwriter uses 0x000000 to mean "unset", so real black has its own sentinel.
    var lxwColor: lxw_color_t {
        rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(rgb)
    }
}

extension CellStyle.HorizontalAlignment {
    var lxwAlignment: lxw_format_alignments? {
        switch self {
        case .general: nil
        case .left: LXW_ALIGN_LEFT
        case .center: LXW_ALIGN_CENTER
        case .right: LXW_ALIGN_RIGHT
        case .fill: LXW_ALIGN_FILL
        case .justify: LXW_ALIGN_JUSTIFY
        case .centerAcrossSelection: LXW_ALIGN_CENTER_ACROSS
        case .distributed: LXW_ALIGN_DISTRIBUTED
        }
    }
}

extension CellStyle.VerticalAlignment {
    var lxwAlignment: lxw_format_alignments? {
        switch self {
        case .bottom: nil  // Excel's default; writing it would only add noise to styles.xml.
        case .top: LXW_ALIGN_VERTICAL_TOP
        case .center: LXW_ALIGN_VERTICAL_CENTER
        case .justify: LXW_ALIGN_VERTICAL_JUSTIFY
        case .distributed: LXW_ALIGN_VERTICAL_DISTRIBUTED
        }
    }
}
