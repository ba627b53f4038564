import Foundation
import Testing

/// Every text of one to `length` pieces from `alphabet`, shortest first.
func exhaustiveTexts(_ alphabet: [String], upTo length: Int) -> [String] {
    var texts: [String] = []
    var layer = [""]
    for _ in 0..<length {
        layer = layer.flatMap { t in alphabet.map { t + $0 } }
        texts += layer
    }
    return texts
}

/// Records an issue for every text where `reader` and the regular
/// expression `pattern` disagree; returns how many texts were compared and
/// how many the pattern matched.
func expectAgreement(of reader: (String) -> Bool, withPattern pattern: String, on texts: [String]) throws
    -> (compared: Int, matched: Int) {
    let regex = try NSRegularExpression(pattern: pattern)
    var matched = 0
    for text in texts {
        let expected = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        if reader(text) != expected { Issue.record("\(text.debugDescription): the pattern says \(expected)") }
        if expected { matched += 1 }
    }
    return (texts.count, matched)
}
