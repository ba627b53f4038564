import Foundation
import GongkaiModel

/// Reads what a document says about itself: district, department, year and
/// the unit of its amounts.
enum MetadataReader {
    /// `单位：万元`, `单位名称：…`, `部门/单位：…`, `填报日期：…`.
    static func isMetaLine(_ text: String) -> Bool {
        let s = HeaderText.normalize(text)
        return ["单位：", "单位:", "单位名称", "部门/单位", "部门（单位）", "部门(单位)", "填报日期", "资金单位", "编制单位", "金额单位"]
            .contains { s.hasPrefix(HeaderText.normalize($0)) }
    }

    /// `注：…`, `说明：…`, `备注：…`.
    static func isNoteLine(_ text: String) -> Bool {
        let s = HeaderText.normalize(text)
        return ["注：", "注:", "说明：", "说明:", "备注：", "备注:", "注1", "注2"].contains { s.hasPrefix($0) }
    }

    /// The unit the tables are published in: what their `单位：` lines say,
    /// the most common one winning.
    static func unit(_ source: SourceLines, regions: [DocumentParser.Region]) -> SourceUnit {
        var votes: [SourceUnit: Int] = [:]
        for region in regions {
            for meta in region.meta {
                let s = HeaderText.normalize(meta.text)
                if s.contains("万元") { votes[.wanYuan, default: 0] += 1 }
                else if s.range(ofPattern: #"单位[:：]元"#) != nil { votes[.yuan, default: 0] += 1 }
            }
        }
        return votes.max { $0.value < $1.value || ($0.value == $1.value && $0.key == .yuan) }?.key ?? .wanYuan
    }

    /// The unit one table's own `单位：` line gives, if it gives one.
    static func tableUnit(_ region: DocumentParser.Region) -> SourceUnit? {
        for meta in region.meta {
            let s = HeaderText.normalize(meta.text)
            if s.contains("万元") { return .wanYuan }
            if s.range(ofPattern: #"单位[:：]元"#) != nil { return .yuan }
        }
        return nil
    }

    static func read(_ source: SourceLines, regions: [DocumentParser.Region], into doc: inout Document) {
        let head = (0..<min(40, source.count)).map { source[$0 + 1].trimmingWhitespace() }.filter { !$0.isEmpty }
        // Year: the most common `20xx年` in titles, else in the opening lines.
        var years: [Int: Int] = [:]
        for text in regions.map(\.title) + head {
            if let y = firstYear(text) { years[y, default: 0] += 1 }
        }
        // Titles without a year (青山 2022): the year the document names most.
        if years.isEmpty {
            for text in doc.narrative.map(\.text) {
                if let y = firstYear(text) { years[y, default: 0] += 1 }
            }
        }
        doc.year = years.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key

        // Department: a `部门/单位：` or `单位名称` line naming a full organ,
        // else the document's opening line.
        var candidates: [String] = []
        var metaNames: [String] = []
        for region in regions {
            for meta in region.meta {
                var s = withoutLabels(meta.text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: ""))
                for p in [#"^(部门/单位|部门（单位）|部门\(单位\)|单位名称|编制单位)\s*"#] {
                    s = s.replacingMatches(ofPattern: p, with: "")
                }
                s = s.components(separatedBy: "\t").first { !$0.trimmingWhitespace().isEmpty } ?? ""
                s = s.replacingMatches(ofPattern: #"\s*单位[:：].*$"#, with: "")
                    .trimmingWhitespace()
                if isOrganName(s) { metaNames.append(s) }
            }
        }
        // A form's field (`单位名称 武汉市新洲区…局`, label and value in two
        // cells) names the department as the form does, often with its city:
        // it counts only where the titles and 单位 lines name none, as the
        // form's own lines below do. (A TAB-laid field is cut to its label
        // and never counted; the same field laid out with spaces would
        // otherwise outweigh the title by its length.)
        var formFields: [String] = []
        for text in head.prefix(6) {
            if let r = text.range(ofPattern: #"^(单位名称|部门名称|部门\(单位\)名称|部门（单位）名称)\s+"#) {
                let name = text[r.upperBound...].split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
                if isOrganName(name) { formFields.append(name) }
                continue
            }
            var s = text.replacingMatches(ofPattern: #"^[#\s]+"#, with: "")
            if let r = s.range(ofPattern: #"\s*20[0-9]{2}\s*年.*$"#) { s.removeSubrange(r) }
            s = s.components(separatedBy: "\t").first ?? s
            s = withoutLabels(s.replacingMatches(ofPattern: #"^(单位名称|部门)\s*"#, with: "")
                .trimmingWhitespace())
            if isOrganName(s) { candidates.append(s) }
        }
        // A performance form names the department in full (`部门名称 武汉市…局`).
        if candidates.isEmpty { candidates = formFields }
        if candidates.isEmpty {
            for line in doc.table(13).raw.prefix(400) {
                let s = line.text.trimmingWhitespace()
                guard let r = s.range(ofPattern: #"^(部门名称|部门\(单位\)名称|部门（单位）名称|单位名称)\s*[:：]?\s*"#) else { continue }
                let name = s[r.upperBound...].split(separator: " ").first.map(String.init) ?? ""
                if isOrganName(name) { candidates.append(name) }
            }
        }
        // Sample documents also name the department in their narrative.
        if candidates.isEmpty {
            for p in doc.narrative.prefix(60) {
                if let r = p.text.range(ofPattern: #"[\p{Han}]{2,8}区[\p{Han}]{2,20}(局|委员会|中心|办公室)"#) {
                    candidates.append(String(p.text[r]))
                    break
                }
            }
        }
        // The tables' own 部门/编制部门 lines name the department (a PDF's
        // narrative names its units too); the name they print most wins.
        // Else the longest full name (武汉市洪山区… over 区科经局).
        var counts: [String: Int] = [:]
        for name in metaNames { counts[name, default: 0] += 1 }
        if let (name, _) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.count < $1.key.count) }),
           !candidates.contains(where: { $0.count > name.count && $0.hasSuffix(name) }) {
            doc.department = name
        } else {
            doc.department = (candidates + metaNames).max { $0.count < $1.count }
        }
        if let dept = doc.department, let r = dept.range(ofPattern: #"[\p{Han}]{1,3}区"#) {
            var district = String(dept[r])
            if let city = district.range(of: "市") { district = String(district[city.upperBound...]) }
            doc.district = district
        }
    }

    /// `编制部门：预算主管部门：…` without its labels.
    static func withoutLabels(_ text: String) -> String {
        var s = text.hasPrefix("部") || text.hasPrefix("编") || text.hasPrefix("预") || text.hasPrefix("单")
            ? text.replacingOccurrences(of: " ", with: "") : text
        let label = #"^(部门/单位|部门（单位）|部门\(单位\)|单位名称|编制单位|编制部门|预算主管部门|预算单位|部门名称|部门)?\s*[:：]\s*"#
        while let r = s.range(ofPattern: label) { s.removeSubrange(r) }
        return s
    }

    static func isOrganName(_ s: String) -> Bool {
        s.count >= 5 && s.count <= 40 && ["区", "省", "市", "县"].contains { s.contains($0) }
            && ["局", "委员会", "中心", "办公室", "院", "所", "站", "队", "部", "厅", "处", "馆"].contains { s.hasSuffix($0) }
            // A name, not a sentence (`2.统筹推进全区…，会`).
            && !s.contains { "，。；、,;".contains($0) } && !(s.first?.isNumber ?? true)
    }

    static func firstYear(_ text: String) -> Int? {
        guard let r = text.range(ofPattern: #"20[0-9]{2}\s*年"#) else { return nil }
        return Int(text[r].prefix(4))
    }
}
