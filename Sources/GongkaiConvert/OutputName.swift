import Foundation
import GongkaiModel

/// File names for standardized workbooks.
public enum OutputName {
    /// `江汉区-2020-江汉区科学技术和经济信息化局.xlsx`, from what the document
    /// says about itself; the source file's name where it says nothing.
    ///
    /// Safe on every filesystem: no path separators, control characters or
    /// characters Windows refuses; at most 120 characters before `.xlsx`.
    public static func workbook(for doc: Document) -> String {
        var parts: [String] = []
        if let d = doc.district { parts.append(d) }
        if let y = doc.year { parts.append(String(y)) }
        if let dept = doc.department { parts.append(dept) }
        if parts.count < 2 || doc.department == nil {
            let base = (doc.source ?? "document").replacingOccurrences(of: #"\.[A-Za-z0-9]{1,5}$"#, with: "", options: .regularExpression)
            parts.append(base)
        }
        return sanitize(parts.joined(separator: "-")) + ".xlsx"
    }

    /// Removes what no filesystem accepts in a name.
    public static func sanitize(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || "/\\:*?\"<>|".unicodeScalars.contains(scalar) {
                out.append("_")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        out = out.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        if out.isEmpty { out = "document" }
        return String(out.prefix(120))
    }
}

/// The workbook names already given in one run: two documents of one
/// department and year must not overwrite each other, so the second gets
/// `-2`, the third `-3`.
public struct OutputNames: Sendable {
    private var taken = Set<String>()

    public init() {}

    /// `name`, or the first of `name-2.xlsx`, `name-3.xlsx` … not yet given.
    ///
    /// - Complexity: O(*k*) set lookups, *k* the number of earlier claims of `name`.
    public mutating func claim(_ name: String) -> String {
        var candidate = name
        var n = 2
        while taken.contains(candidate) {
            candidate = name.hasSuffix(".xlsx") ? String(name.dropLast(5)) + "-\(n).xlsx" : name + "-\(n)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
