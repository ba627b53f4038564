/// The row keys of one table so far, and the key the next row gets: its
/// own, or when that is taken the smallest free `key#2`, `key#3` ….
///
/// Keys are never removed, so every suffix below the last one given to a
/// key is taken and the search starts after it: a name published thousands
/// of times (a generated 表10 of a million rows) would otherwise be tried
/// against every earlier suffix, once per row.
struct RowKeys {
    private var taken: Set<String>
    /// The last suffix given to each key.
    private var lastSuffix: [String: Int] = [:]

    /// - Parameter existing: keys already in the table (a table continued on a later page).
    init(_ existing: some Sequence<String> = [String](), reservingCapacity capacity: Int = 0) {
        taken = Set(minimumCapacity: capacity)
        taken.formUnion(existing)
    }

    func contains(_ key: String) -> Bool { taken.contains(key) }

    /// `key` if free, else the smallest free `key#n` (n ≥ 2); either is taken from now on.
    ///
    /// - Complexity: amortized O(1) set operations per call.
    mutating func claim(_ key: String) -> String {
        if taken.insert(key).inserted { return key }
        var n = (lastSuffix[key] ?? 1) + 1
        var unique = "\(key)#\(n)"
        while !taken.insert(unique).inserted { n += 1; unique = "\(key)#\(n)" }
        lastSuffix[key] = n
        return unique
    }
}
