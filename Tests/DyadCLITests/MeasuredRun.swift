import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run of the `dyad` binary measured on its own: wall time and the child's peak resident
/// memory, killed if it runs past a time limit.
///
/// The peak is the high-water mark of the child's own memory (`VmHWM` in `/proc/PID/status`),
/// read while it runs. `wait4`'s `ru_maxrss` is not used where that file exists: Linux carries
/// the parent's resident size into the child's at `exec`, so the test runner's own memory (some
/// 300 MB when many tests run at once) would count as the child's.
struct MeasuredRun {
    /// The exit status, or 128 + the signal that ended it.
    var status: Int32
    var seconds: Double
    /// Peak resident memory in megabytes.
    var peakMegabytes: Double
    var stdout: Data
    var stderr: String
    /// Whether the time limit killed it.
    var timedOut: Bool

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    /// Runs `dyad arguments`, standard input from `stdinPath` (or empty), standard output and
    /// error to files, and kills it with SIGKILL after `limit` seconds.
    static func dyad(_ arguments: [String], stdinPath: String? = nil, limit: Double = 120) throws -> MeasuredRun {
        let scratch = try ScratchFolder()
        let outPath = scratch.path + "/stdout"
        let errPath = scratch.path + "/stderr"
        let binary = DyadBinary.url.path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw MeasuredRunError(description: "cannot start \(binary): error \(spawned)")
        }
        let killed = KillSwitch()
        let childPID = pid
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) {
            if killed.arm() { kill(childPID, SIGKILL) }
        }
        var status: Int32 = 0
        var usage = rusage()
        var highWater: Double?
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { break }
            if let reading = residentHighWater(of: pid) { highWater = max(highWater ?? 0, reading) }
            usleep(5_000)
        }
        let timedOut = !killed.disarm()
        let seconds = Date().timeIntervalSince(started)
        let signal = status & 0x7F
        let exit = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return MeasuredRun(
            status: exit, seconds: seconds, peakMegabytes: highWater ?? Double(usage.ru_maxrss) / 1024,
            stdout: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(),
            stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self),
            timedOut: timedOut)
    }
}

/// The high-water mark of a running process's resident memory in megabytes (`VmHWM` in
/// `/proc/PID/status`), or `nil` where there is no such file.
private func residentHighWater(of pid: pid_t) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({
            Double($0)
        })
    else { return nil }
    return kilobytes / 1024
}

struct MeasuredRunError: Error, CustomStringConvertible {
    var description: String
}

/// Decides once between "the run finished" and "the time limit fired".
private final class KillSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var decided = false
    private var fired = false

    /// The timer fires: true when the run had not finished yet.
    func arm() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if decided { return false }
        decided = true
        fired = true
        return true
    }

    /// The run finished: true when the timer had not fired.
    func disarm() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if decided { return !fired }
        decided = true
        return true
    }
}

/// Writes `count` bytes made by repeating `unit` to `path` without holding them all in memory.
func writeRepeating(_ unit: String, bytes count: Int, to path: String, prefix: String = "", suffix: String = "") throws {
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    handle.write(Data(prefix.utf8))
    let unitData = Data(unit.utf8)
    var block = Data()
    while block.count < 1 << 20 { block.append(unitData) }
    var written = 0
    let body = count - prefix.utf8.count - suffix.utf8.count
    while written + block.count <= body {
        handle.write(block)
        written += block.count
    }
    while written + unitData.count <= body {
        handle.write(unitData)
        written += unitData.count
    }
    handle.write(Data(suffix.utf8))
}
