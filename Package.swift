// swift-tools-version:6.0
import PackageDescription

/// The catalog of the 13 canonical tables: one JSON file per table, embedded
/// into the binary so that no resource bundle has to be found at run time.
let templateFiles = [
    "table01-summary.json", "table02-income.json", "table03-expenditure.json", "table04-fiscal.json",
    "table05-gpb_expenditure.json", "table06-gpb_basic.json", "table07-three_public.json",
    "table08-gov_fund.json", "table09-soe_capital.json", "table10-projects.json",
    "table11-procurement.json", "table12-purchased_services.json", "table13-performance.json",
    "items.json",
]

let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "GongkaiModel", targets: ["GongkaiModel"]),
        .library(name: "GongkaiParse", targets: ["GongkaiParse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(
            name: "GongkaiTemplates",
            path: "Templates",
            exclude: ["README.md"],
            resources: templateFiles.map { .embedInCode($0) }
        ),
        .target(name: "GongkaiModel", dependencies: ["GongkaiTemplates"]),
        // Debian's libpoppler-glib-dev; only GongkaiPDF imports it.
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        // A PDF's positioned words (poppler), nothing more: geometry → grid is GongkaiParse's.
        .target(name: "GongkaiPDF", dependencies: ["CPoppler"]),
        .target(name: "GongkaiParse", dependencies: ["GongkaiModel", "GongkaiPDF"]),
        // Model → text in each layout gongkai reads, and generated documents (gongkai generate).
        .target(name: "GongkaiRender", dependencies: ["GongkaiModel", "GongkaiTemplates"]),
        // Reconciliation rules → findings (gongkai check, the workbook's 校验 sheet).
        .target(name: "GongkaiCheck", dependencies: ["GongkaiModel"]),
        // Debian's libxlsxwriter-dev; only GongkaiXLSX imports it.
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(
            name: "GongkaiXLSX",
            dependencies: ["CXlsxWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The standardized workbook: model → workbook and workbook → model.
        .target(name: "GongkaiConvert", dependencies: ["GongkaiModel", "GongkaiParse", "GongkaiXLSX", "GongkaiCheck"]),
        // gongkai diff: align (keys only) → changes (data) → renderers (text, JSON, CSV, highlighter, XLSX).
        .target(name: "GongkaiDiff", dependencies: ["GongkaiModel", "GongkaiConvert", "GongkaiXLSX"]),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiModel", "GongkaiParse", "GongkaiConvert",
                "GongkaiCheck",
                "GongkaiDiff",
                "GongkaiRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz harness: libFuzzer with `make fuzz`, a replayer otherwise.
        .executableTarget(
            name: "gongkai-fuzz",
            dependencies: ["GongkaiModel", "GongkaiParse", "GongkaiPDF", "GongkaiXLSX", "GongkaiConvert"]
        ),
        // make bench's in-memory figures (the diff on models already parsed).
        .executableTarget(name: "gongkai-bench", dependencies: ["GongkaiModel", "GongkaiDiff", "GongkaiRender", "GongkaiParse", "GongkaiPDF"]),
        // Fixture paths and a runner for the built binary, shared by the tests.
        .target(name: "GongkaiTestSupport", path: "Sources/GongkaiTestSupport"),
        .testTarget(name: "GongkaiModelTests", dependencies: ["GongkaiModel", "GongkaiTestSupport"]),
        .testTarget(name: "GongkaiParseTests", dependencies: ["GongkaiParse", "GongkaiPDF", "GongkaiModel", "GongkaiRender", "GongkaiTestSupport"]),
        .testTarget(
            name: "GongkaiRenderTests",
            dependencies: ["GongkaiRender", "GongkaiParse", "GongkaiModel", "GongkaiCheck", "GongkaiTestSupport"]
        ),
        .testTarget(name: "GongkaiCLITests", dependencies: ["gongkai", "GongkaiTestSupport"]),
        .testTarget(name: "GongkaiCheckTests", dependencies: ["GongkaiCheck", "GongkaiParse", "GongkaiModel", "GongkaiTestSupport"]),
        .testTarget(
            name: "GongkaiXLSXTests",
            dependencies: ["GongkaiXLSX", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "GongkaiConvertTests", dependencies: ["GongkaiConvert", "GongkaiParse", "GongkaiRender", "GongkaiTestSupport", "GongkaiXLSX"]),
        .testTarget(
            name: "GongkaiDiffTests",
            dependencies: ["GongkaiDiff", "GongkaiConvert", "GongkaiParse", "GongkaiTestSupport", "GongkaiXLSX",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
