// The catalog files of this folder, embedded by SwiftPM (`.embedInCode`), so
// that the CLI needs no resource bundle at run time. Only GongkaiModel's
// `Catalog` reads them.

/// The raw JSON of the catalog files.
public enum TemplateFiles {
    /// One file per canonical table, in id order.
    public static let tables: [[UInt8]] = [
        PackageResources.table01_summary_json,
        PackageResources.table02_income_json,
        PackageResources.table03_expenditure_json,
        PackageResources.table04_fiscal_json,
        PackageResources.table05_gpb_expenditure_json,
        PackageResources.table06_gpb_basic_json,
        PackageResources.table07_three_public_json,
        PackageResources.table08_gov_fund_json,
        PackageResources.table09_soe_capital_json,
        PackageResources.table10_projects_json,
        PackageResources.table11_procurement_json,
        PackageResources.table12_purchased_services_json,
        PackageResources.table13_performance_json,
    ]

    /// The item rows of the panel tables (表1, 表4, 表7) and class names.
    public static let items: [UInt8] = PackageResources.items_json
}
