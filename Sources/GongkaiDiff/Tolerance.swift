import Foundation
import GongkaiModel

/// The `--tolerance` argument: an amount in 元 (`0.5`, `0.5元`) or in 万元
/// (`0.01万元`), optionally with full-width digits.
public enum Tolerance {
    /// Why a tolerance was refused.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public static func parse(_ text: String) throws -> Amount {
        var s = NumberText.halfWidth(text).trimmingCharacters(in: .whitespaces)
        var unit = SourceUnit.yuan
        if s.hasSuffix("万元") { unit = .wanYuan; s.removeLast(2) }
        else if s.hasSuffix("万") { unit = .wanYuan; s.removeLast() }
        else if s.hasSuffix("元") { s.removeLast() }
        s = s.trimmingCharacters(in: .whitespaces)
        guard !s.hasPrefix("-") else {
            throw ParseError(description: "--tolerance must not be negative, got \(text)")
        }
        switch Amount.parse(s, unit: unit) {
        case .success(let amount): return amount
        case .failure(.tooPrecise):
            throw ParseError(description: "--tolerance \(text) is finer than 1 分 (0.01 元)")
        case .failure:
            throw ParseError(description: "--tolerance must be an amount in 元 (0.5) or with a unit (0.5元, 0.01万元), got \(text)")
        }
    }
}
