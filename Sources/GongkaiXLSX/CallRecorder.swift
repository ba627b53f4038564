import Foundation

/// Records every call a workbook receives as a line of text, so that the
/// same workbook can be rebuilt by another program with no model and no
/// parsing: the floor `make bench` measures gongkai against
/// (Benchmarks/floor.c replays these lines into libxlsxwriter).
///
/// One line per call, fields separated by TAB, text escaped (`\\`, `\t`,
/// `\n`). `Y` lines define a style the first time it is used.
public final class CallRecorder {
    private var out: [String] = []
    private var styles: [CellStyle: Int] = [:]

    public init() {}

    /// The recorded calls, one per line.
    public var text: String { out.joined(separator: "\n") + "\n" }

    func record(_ op: String, _ fields: [String]) {
        out.append(([op] + fields).joined(separator: "\t"))
    }

    /// The id of `style`, defining it on first use (0 = no style).
    func styleID(_ style: CellStyle?) -> String {
        guard let style, style != CellStyle() else { return "0" }
        if let id = styles[style] { return String(id) }
        let id = styles.count + 1
        styles[style] = id
        let h: Int = switch style.horizontalAlignment {
        case .general: 0
        case .left: 1
        case .center: 2
        case .right: 3
        case .fill: 4
        case .justify: 5
        case .centerAcrossSelection: 6
        case .distributed: 7
        }
        let v: Int = switch style.verticalAlignment {
        case .bottom: 0
        case .top: 1
        case .center: 2
        case .justify: 3
        case .distributed: 4
        }
        record("Y", [String(id), Self.escape(style.fontName ?? ""), style.fontSize.map { String($0) } ?? "0",
                     style.bold ? "1" : "0", style.italic ? "1" : "0",
                     style.fontColor.map { String($0.rgb) } ?? "-1", style.fillColor.map { String($0.rgb) } ?? "-1",
                     style.border == .thin ? "1" : "0", String(h), String(v), style.wrapsText ? "1" : "0",
                     Self.escape(style.numberFormat ?? ""), String(style.indent)])
        return String(id)
    }

    static func escape(_ text: String) -> String {
        var s = ""
        s.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "\\": s += "\\\\"
            case "\t": s += "\\t"
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            default: s.append(ch)
            }
        }
        return s
    }
}
