/// A unified diff of two texts (`baton check --diff`), as `diff -u` and `git diff` print it:
/// `--- a/path`, `+++ b/path`, then `@@ -l,n +l,n @@` hunks with three lines of context, and
/// `\ No newline at end of file` where a last line has no line break.
///
/// Lines are matched with Myers' O(ND) algorithm after the common head and tail are set aside.
/// Fixes change a few lines of a file, so D is small; past `maximumDistance` differing lines
/// the middle is shown as one replaced block, so a hostile input cannot make the diff
/// quadratic in time or memory.
public enum UnifiedDiff {
    public static let maximumDistance = 2_000

    /// Empty when the texts are equal.
    public static func diff(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = lines(old)
        let b = lines(new)
        let script = editScript(a, b)
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(script, context: context) {
            out += "@@ -\(range(hunk.oldStart, hunk.oldCount)) +\(range(hunk.newStart, hunk.newCount)) @@\n"
            for operation in script[hunk.operations] {
                switch operation {
                case .equal(let i, _): out += line(" ", a[i])
                case .delete(let i): out += line("-", a[i])
                case .insert(let j): out += line("+", b[j])
                }
            }
        }
        return out
    }

    enum Operation: Equatable {
        case equal(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// Lines with their terminators, so a missing final line break is a difference too.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }

    static func line(_ marker: String, _ text: String) -> String {
        text.hasSuffix("\n") ? marker + text : marker + text + "\n\\ No newline at end of file\n"
    }

    /// `l,n` (`l` alone when n is 1); a range of no lines starts at the line before it.
    static func range(_ start: Int, _ count: Int) -> String {
        if count == 1 { return "\(start + 1)" }
        return count == 0 ? "\(start),0" : "\(start + 1),\(count)"
    }

    static func editScript(_ a: [String], _ b: [String]) -> [Operation] {
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        var script = (0..<head).map { Operation.equal($0, $0) }
        script += middle(a, b, from: head, aEnd: a.count - tail, bEnd: b.count - tail)
        script += (0..<tail).map { Operation.equal(a.count - tail + $0, b.count - tail + $0) }
        return script
    }

    /// Myers' greedy shortest edit script of `a[start..<aEnd]` against `b[start..<bEnd]`.
    static func middle(_ a: [String], _ b: [String], from start: Int, aEnd: Int, bEnd: Int) -> [Operation] {
        let n = aEnd - start
        let m = bEnd - start
        let replaced = (start..<aEnd).map(Operation.delete) + (start..<bEnd).map(Operation.insert)
        guard n > 0, m > 0 else { return replaced }
        let limit = min(n + m, maximumDistance)
        let offset = limit + 1
        var v = Array(repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...limit {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[start + x] == b[start + y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else { return replaced }
        // Walk back through the saved frontiers.
        var operations: [Operation] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                operations.append(.equal(start + x, start + y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    operations.append(.insert(start + y))
                } else {
                    x -= 1
                    operations.append(.delete(start + x))
                }
            }
        }
        return operations.reversed()
    }

    struct Hunk {
        var operations: Range<Int>
        var oldStart: Int
        var oldCount: Int
        var newStart: Int
        var newCount: Int
    }

    /// Changes with `context` equal lines around them; changes closer than twice that share
    /// a hunk.
    static func hunks(_ script: [Operation], context: Int) -> [Hunk] {
        let changes = script.indices.filter { if case .equal = script[$0] { false } else { true } }
        guard let first = changes.first else { return [] }
        var ranges: [Range<Int>] = []
        var lower = max(0, first - context)
        var last = first
        for index in changes.dropFirst() {
            if index - last > 2 * context {
                ranges.append(lower..<min(script.count, last + context + 1))
                lower = max(0, index - context)
            }
            last = index
        }
        ranges.append(lower..<min(script.count, last + context + 1))
        // Where each hunk starts in each text: the lines of each before its first operation,
        // counted once, front to back.
        var position = 0
        var oldStart = 0
        var newStart = 0
        func count(_ operations: ArraySlice<Operation>) -> (old: Int, new: Int) {
            var counts = (old: 0, new: 0)
            for operation in operations {
                switch operation {
                case .equal: counts.old += 1; counts.new += 1
                case .delete: counts.old += 1
                case .insert: counts.new += 1
                }
            }
            return counts
        }
        return ranges.map { range in
            let before = count(script[position..<range.lowerBound])
            oldStart += before.old
            newStart += before.new
            let inside = count(script[range])
            position = range.upperBound
            defer {
                oldStart += inside.old
                newStart += inside.new
            }
            let (oldCount, newCount) = inside
            return Hunk(operations: range, oldStart: oldStart, oldCount: oldCount, newStart: newStart, newCount: newCount)
        }
    }
}
