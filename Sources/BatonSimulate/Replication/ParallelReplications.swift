import Dispatch
import Foundation

/// Runs replications on several threads. Replication i is a pure function of its index, each
/// job takes every `jobs`-th index, and results are kept by index, so what the caller gets is
/// the same whatever the number of jobs. `progress`, when given, hears the number of finished
/// replications after each one; it only watches, and changes nothing.
enum ParallelReplications {
    static func run(count: Int, jobs: Int, progress: (@Sendable (Int) -> Void)? = nil,
                    _ replication: @Sendable (Int) throws(SimulationError) -> SimulationResult) throws(SimulationError) -> [SimulationResult] {
        let slots = Slots(count: count)
        let jobs = max(1, min(jobs, count))
        if jobs == 1 {
            var results: [SimulationResult] = []
            for index in 0..<count {
                results.append(try replication(index))
                progress?(index + 1)
            }
            return results
        }
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            for index in stride(from: job, to: count, by: jobs) {
                // A failure stops nothing else: the lowest failing index is reported, as a single
                // job would have.
                let finished: Int
                do throws(SimulationError) {
                    finished = slots.store(index, .success(try replication(index)))
                } catch {
                    finished = slots.store(index, .failure(error))
                }
                progress?(finished)
            }
        }
        var results: [SimulationResult] = []
        for outcome in slots.all() {
            switch outcome {
            case .success(let result): results.append(result)
            case .failure(let error): throw error
            case nil: throw SimulationError.invalidScenario("a replication did not run")
            }
        }
        return results
    }

    /// Results by index, filled from several threads.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var outcomes: [Result<SimulationResult, SimulationError>?]
        private var stored = 0

        init(count: Int) { outcomes = Array(repeating: nil, count: count) }

        /// Keeps one outcome; returns how many are kept now (each count is returned once).
        @discardableResult
        func store(_ index: Int, _ outcome: Result<SimulationResult, SimulationError>) -> Int {
            lock.lock()
            defer { lock.unlock() }
            outcomes[index] = outcome
            stored += 1
            return stored
        }

        func all() -> [Result<SimulationResult, SimulationError>?] {
            lock.lock()
            defer { lock.unlock() }
            return outcomes
        }
    }
}
