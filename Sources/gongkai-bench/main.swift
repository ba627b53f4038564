// The in-memory benchmarks of `make bench`: what the command-line figures
// cannot separate from parsing and writing. Not a test; it prints figures.
//
//   gongkai-bench diff ROWS [REPEATS]
//   gongkai-bench pdf REPEATS FILE.pdf...
//
// Generates two years of one budget with about ROWS rows in each 功能 table
// (DocumentGenerator, 10% of the 项 amounts changed), then times alignment +
// diff on the models already in memory, best of REPEATS. Prints one line:
// "<rows compared> <seconds> <rows/s> <changes>".
//
// `pdf` reads each PDF (poppler's words, the grid, the model) REPEATS times
// and prints, per file, "<file> <pages> <best seconds>": pages per second
// on the documents users have.
import Foundation
import GongkaiParse
import GongkaiPDF
import GongkaiDiff
import GongkaiModel
import GongkaiRender

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gongkai-bench: \(message)\n".utf8))
    exit(2)
}

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "pdf" {
    let args = Array(arguments.dropFirst())
    guard let repeats = args.first.flatMap(Int.init), repeats > 0, args.count >= 2 else { fail("usage: gongkai-bench pdf REPEATS FILE.pdf...") }
    let clock = ContinuousClock()
    for path in args.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
        let pages = (try? PDFText.pages(of: data).count) ?? 0
        var best = Duration.seconds(1_000_000)
        for _ in 0..<repeats {
            best = min(best, clock.measure { _ = try? PDFReader.parse(data, file: path) })
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        print("\((path as NSString).lastPathComponent) \(pages) \(String(format: "%.4f", seconds))")
    }
    exit(0)
}
guard arguments.first == "diff", arguments.count >= 2, let rows = Int(arguments[arguments.startIndex + 1]), rows > 0 else {
    fail("usage: gongkai-bench diff ROWS [REPEATS]")
}
let repeats = arguments.count >= 3 ? max(1, Int(arguments[arguments.startIndex + 2]) ?? 3) : 3

let generator = DocumentGenerator(seed: 7, rows: rows)
let a = generator.generate()
let b = generator.generate(varying: 0.1, variant: 1)
let compared = a.tables.reduce(0) { $0 + $1.rows.count }

let clock = ContinuousClock()
var best = Duration.seconds(1_000_000)
var changes = 0
for _ in 0..<repeats {
    let elapsed = clock.measure {
        do { changes = try DocumentDiff(a, b).changes.count } catch { fail("\(error)") }
    }
    best = min(best, elapsed)
}
let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
print("\(compared) \(String(format: "%.4f", seconds)) \(Int(Double(compared) / seconds)) \(changes)")
