import Testing
import GongkaiModel
@testable import GongkaiConvert

@Suite("Output names")
struct OutputNameTests {
    @Test("district, year and department name the workbook")
    func fromMetadata() {
        let doc = Document(district: "江汉区", department: "江汉区科学技术和经济信息化局", year: 2020, source: "000.txt")
        #expect(OutputName.workbook(for: doc) == "江汉区-2020-江汉区科学技术和经济信息化局.xlsx")
    }

    @Test("without metadata the source file names it")
    func fallback() {
        #expect(OutputName.workbook(for: Document(source: "report.txt")) == "report.xlsx")
    }

    @Test("names are safe on every filesystem")
    func sanitized() {
        let doc = Document(district: "../区", department: "a/b\\c:d*e?f\"g<h>i|j\u{1}k" + String(repeating: "长", count: 300), year: 2020)
        let name = OutputName.workbook(for: doc)
        #expect(!name.contains("/") && !name.contains("\\") && !name.contains(":") && !name.contains("\u{1}"))
        #expect(name.count <= 125)
        #expect(name.hasSuffix(".xlsx"))
    }

    @Test("a name given twice in one run gets -2, then -3; other names are left alone")
    func claims() {
        var names = OutputNames()
        #expect(names.claim("江汉区-2020-局.xlsx") == "江汉区-2020-局.xlsx")
        #expect(names.claim("江汉区-2020-局.xlsx") == "江汉区-2020-局-2.xlsx")
        #expect(names.claim("江汉区-2020-局-2.xlsx") == "江汉区-2020-局-2-2.xlsx")
        #expect(names.claim("江汉区-2020-局.xlsx") == "江汉区-2020-局-3.xlsx")
        #expect(names.claim("青山区-2022-局.xlsx") == "青山区-2022-局.xlsx")
    }
}
