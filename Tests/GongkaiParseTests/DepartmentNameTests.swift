import Foundation
import GongkaiModel
@testable import GongkaiParse
import Testing

/// Which name of the department the document is filed under, when its title
/// and its forms name it differently.
@Suite struct DepartmentNameTests {
    func parse(_ text: String) throws -> Document {
        try DocumentParser().parse(data: Data(text.utf8), file: "department.txt")
    }

    /// 新洲 2020 publishes only its 整体绩效目标 form: the title names the
    /// bureau, the form's 单位名称 field names it with its city.
    func form(separator: String) -> String {
        """
        ## 新洲区科学技术和经济信息化局 2020年部门整体支出 绩效目标申报表
        单位名称\(separator)武汉市新洲区科学技术和经济信息化局
        填报人\(separator)李晓兰\(separator)联系电话\(separator)86921206
        部门职能概述\(separator)负责全区科技、工业和信息化工作。
        长期绩效指标\(separator)一级指标\(separator)二级指标\(separator)指标名称\(separator)指标值\(separator)绩效标准
        \(separator)产出指标\(separator)数量指标\(separator)组织入党积极分子培训\(separator)10人/年\(separator)根据实际参与培统计

        """
    }

    @Test(arguments: ["\t", " "])
    func theTitleNamesTheDepartmentOverTheFormField(separator: String) throws {
        let doc = try parse(form(separator: separator))
        #expect(doc.department == "新洲区科学技术和经济信息化局")
        #expect(doc.district == "新洲区")
        #expect(doc.year == 2020)
    }

    @Test func theFormFieldNamesTheDepartmentWhenNothingElseDoes() throws {
        let titled = form(separator: " ")
        let doc = try parse(titled.replacingOccurrences(of: "## 新洲区科学技术和经济信息化局 ", with: "## "))
        #expect(doc.department == "武汉市新洲区科学技术和经济信息化局")
        #expect(doc.district == "新洲区")
    }
}
