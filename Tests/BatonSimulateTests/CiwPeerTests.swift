// Baton's simulator against a real peer: the queueing networks of scripts/peer/*.baton, run by
// Baton (`Simulator.replicate`) and by the Python simulator Ciw (scripts/ciw-peer.py, PyPI `ciw`)
// with the same number of replications, must agree — every mean within the two confidence
// intervals — and both must agree with queueing theory.
//
// The designs are single M/M/c stations and a tandem of five (a client calling five stations in
// turn), the networks both simulators express exactly. Sample sizes keep Ciw (about 15 µs per
// request and station) to a few seconds per network: twenty replications of 2,600 to 5,300
// measured requests, which make the intervals a few percent wide. Twenty rather than ten, so
// that each interval's width is itself well estimated and a merely unlucky set of seeds does
// not fail the test.
//
// Like every test that needs a program it does not own: the Ciw half is skipped on a machine
// without python3 or Ciw, and fails when `CI=true` (`.ci/run` installs both).

import BatonModel
import BatonSimulate
import BatonSyntax
import BatonTestSupport
import Foundation
import Testing

@Suite struct CiwPeerTests {
    /// The pinned version `.ci/run` installs; a different one works as well.
    static let ciwPackage = "ciw==3.2.7"
    static let replications = 20

    static let networks = ["mm1", "mm3", "mm1k", "tandem"]

    /// Each design's replications, run once for both tests (they are deterministic).
    static let batonRuns: [String: Result<(design: PeerDesign, result: SimulationResult), PeerRunFailure>] = {
        var runs: [String: Result<(design: PeerDesign, result: SimulationResult), PeerRunFailure>] = [:]
        for network in networks {
            do {
                let design = try PeerDesign.load(network)
                runs[network] = .success((design, try design.simulate(replications: replications)))
            } catch {
                runs[network] = .failure(PeerRunFailure(description: "\(network): \(error)"))
            }
        }
        return runs
    }()

    static func batonRun(_ network: String) throws -> (design: PeerDesign, result: SimulationResult) {
        try #require(batonRuns[network]).get()
    }

    @Test(arguments: networks)
    func designMatchesQueueingTheory(_ network: String) throws {
        let (design, baton) = try Self.batonRun(network)
        for station in design.stations {
            let theory = try #require(station.theory(arrivalRate: design.arrivalRate), "\(station.name)")
            let result = try #require(baton.participant(design.model.id(station.name)))
            try expectNear(result.meanWait, theory.wait, "\(network) \(station.name) wait")
            try expectNear(result.utilisation, theory.utilisation, "\(network) \(station.name) utilisation")
        }
        try expectNear(baton.flows.first?.responseTime.mean, design.theoreticalResponse, "\(network) response time")
        if let blocking = design.stations.first?.theory(arrivalRate: design.arrivalRate)?.blocking, blocking > 0 {
            try expectNear(design.blocking(in: baton), blocking, "\(network) blocking")
        }
    }

    @Test(.requires(pythonModule: "ciw"), arguments: networks)
    func agreesWithCiw(_ network: String) throws {
        let python = try ExternalProgram.requirePython(module: "ciw", package: Self.ciwPackage)
        let (design, baton) = try Self.batonRun(network)
        let script = TestDesigns.packageRoot.appendingPathComponent("scripts/ciw-peer.py")
        let output = try python.run([script.path, "--networks", network, "--replications", "\(Self.replications)",
                                     "--seed", "\(design.scenario.seed)"])
        try #require(output.status == 0, "scripts/ciw-peer.py exited with \(output.status): \(output.standardError)")
        let report = try JSONDecoder().decode(CiwReport.self, from: output.standardOutput)
        let peer = try #require(report.networks.first)

        // The script must model this very design: the same load, stations and run length.
        #expect(peer.design == "\(network).baton")
        #expect(peer.arrivalRate == design.arrivalRate)
        #expect(peer.duration == design.scenario.duration && peer.warmup == design.scenario.effectiveWarmup)
        #expect(peer.replications == Self.replications)
        #expect(peer.stations.map(\.name) == design.stations.map(\.name))
        #expect(peer.stations.map(\.servers) == design.stations.map(\.servers))
        #expect(peer.stations.map(\.meanService) == design.stations.map(\.service))
        #expect(peer.stations.map(\.queueCapacity) == design.stations.map(\.backlog))

        try expectOverlap(baton.flows.first?.responseTime.mean, peer.responseTime, "\(network) response time")
        for (station, peerStation) in zip(design.stations, peer.stations) {
            let result = try #require(baton.participant(design.model.id(station.name)))
            try expectOverlap(result.meanWait, peerStation.wait, "\(network) \(station.name) wait")
            try expectOverlap(result.utilisation, peerStation.utilisation, "\(network) \(station.name) utilisation")
        }
        if design.stations.first?.backlog != nil {
            try expectOverlap(design.blocking(in: baton), peer.blocking, "\(network) blocking")
        }
        // Ciw too agrees with the theory (so the script's network is the one the formulas describe).
        try expectNear(Figure(peer.responseTime), design.theoreticalResponse, "\(network) response time (Ciw)")
        // Both simulated about the same number of requests.
        let batonRequests = try #require(baton.flows.first).started.value * Double(Self.replications)
        #expect(within(Double(peer.measuredRequests), batonRequests, relative: 0.05),
                "Ciw measured \(peer.measuredRequests) requests, Baton \(batonRequests)")
    }
}

// MARK: - The designs

struct PeerRunFailure: Error, CustomStringConvertible {
    var description: String
}

/// One design of scripts/peer: a client calling one or more stations in turn, under Poisson load.
struct PeerDesign {
    struct Station {
        var name: String
        var servers: Int
        var service: Double
        /// The waiting line's length; nil when unbounded.
        var backlog: Int?

        func theory(arrivalRate: Double) -> QueueingTheory.Station? {
            QueueingTheory.station(arrivalRate: arrivalRate, servers: servers, service: service, capacity: backlog)
        }
    }

    var model: Model
    var scenario: Scenario
    var arrivalRate: Double
    var stations: [Station]

    /// Reads scripts/peer/NAME.baton, which must compile cleanly and hold one scenario with one
    /// load line over the whole run, and a client calling stations with declared concurrency and
    /// latency. (It throws rather than records issues: it runs once, for both tests.)
    static func load(_ name: String) throws -> PeerDesign {
        let url = TestDesigns.packageRoot.appendingPathComponent("scripts/peer/\(name).baton")
        let bytes = try Array(Data(contentsOf: url))
        let compilation = Compiler.compile(SourceInput(displayPath: "\(name).baton", resolvedPath: url.path, bytes: bytes))
        guard compilation.diagnostics.isEmpty else {
            throw PeerRunFailure(description: "\(compilation.diagnostics.map(\.message))")
        }
        let model = compilation.model
        guard let scenario = model.scenarios.first, let load = scenario.loads.first,
              scenario.loads.count == 1, load.window == nil, scenario.faults.isEmpty else {
            throw PeerRunFailure(description: "\(name).baton needs one scenario with one load line and no faults")
        }
        var stations: [Station] = []
        for interaction in model.interactions {
            let station = model.participants[interaction.to.rawValue]
            guard let servers = station.attributes.concurrency, let service = station.attributes.latency else {
                throw PeerRunFailure(description: "\(name).baton: \(station.name) needs concurrency and latency")
            }
            let backlog: Int?
            switch station.attributes.backlog {
            case .count(let count): backlog = count
            case .unbounded, nil: backlog = nil
            }
            stations.append(Station(name: station.name, servers: servers, service: service, backlog: backlog))
        }
        return PeerDesign(model: model, scenario: scenario, arrivalRate: load.rate, stations: stations)
    }

    func simulate(replications: Int) throws -> SimulationResult {
        try Simulator.replicate(model: model, scenario: scenario, runs: replications, jobs: 2)
    }

    /// The mean response of an admitted request: the sum of the stations' sojourns (each sees
    /// Poisson arrivals at the same rate, by Burke's theorem; only the first may refuse any).
    var theoreticalResponse: Double {
        stations.reduce(0) { $0 + ($1.theory(arrivalRate: arrivalRate)?.sojourn ?? .nan) }
    }

    /// The share of the first station's attempts it refused, with a 95% interval from those of
    /// the refusals and the attempts (their errors added, which overstates the ratio's: the two
    /// move together).
    func blocking(in result: SimulationResult) throws -> Figure {
        let call = try #require(result.interactions.first)
        let ratio = call.rejections.value / call.attempts.value
        let relative = [call.rejections, call.attempts].reduce(0.0) { sum, figure in
            let half = figure.interval.map { ($0.upper - $0.lower) / 2 } ?? 0
            return sum + (half / figure.value) * (half / figure.value)
        }.squareRoot()
        let half = ratio * relative
        return Figure(ratio, interval: ConfidenceInterval(lower: ratio - half, upper: ratio + half))
    }
}

/// The M/M/c/K formulas for one station with Poisson arrivals.
enum QueueingTheory {
    struct Station {
        var wait: Double
        var sojourn: Double
        var utilisation: Double
        var blocking: Double
    }

    /// `capacity`: the waiting line's length (nil: unbounded, Erlang C). Nil when unstable.
    static func station(arrivalRate lambda: Double, servers c: Int, service: Double, capacity: Int?) -> Station? {
        let mu = 1 / service
        let offered = lambda / mu
        // Unnormalised state probabilities: aⁿ/n! up to c, then × (a/c) per waiting request.
        guard let capacity else {
            let rho = offered / Double(c)
            guard rho < 1 else { return nil }
            var erlangB = 1.0
            for k in 1...c { erlangB = offered * erlangB / (Double(k) + offered * erlangB) }
            let erlangC = erlangB / (1 - rho * (1 - erlangB))
            let wait = erlangC / (Double(c) * mu - lambda)
            return Station(wait: wait, sojourn: wait + service, utilisation: rho, blocking: 0)
        }
        var weights: [Double] = [1]
        for n in 1...(c + capacity) {
            weights.append(weights[n - 1] * offered / Double(min(n, c)))
        }
        let total = weights.reduce(0, +)
        let p = weights.map { $0 / total }
        let blocking = p[c + capacity]
        let admitted = lambda * (1 - blocking)
        let waiting = p.indices.reduce(0.0) { $0 + Double(max(0, $1 - c)) * p[$1] }
        let wait = waiting / admitted
        return Station(wait: wait, sojourn: wait + service, utilisation: admitted * service / Double(c), blocking: blocking)
    }
}

// MARK: - Comparisons

/// The two means differ by no more than the sum of their 95% half-widths: the intervals overlap.
/// (For equal widths that is about 2.8 standard errors of the difference.)
private func expectOverlap(_ baton: Figure?, _ peer: CiwReport.Estimate?, _ what: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
    let baton = try #require(baton, "\(what): Baton has no value", sourceLocation: sourceLocation)
    let peer = try #require(peer, "\(what): Ciw has no value", sourceLocation: sourceLocation)
    let batonHalf = try #require(baton.interval.map { ($0.upper - $0.lower) / 2 }, sourceLocation: sourceLocation)
    let peerHalf = try #require(peer.halfWidth, sourceLocation: sourceLocation)
    #expect(abs(baton.value - peer.mean) <= batonHalf + peerHalf,
            "\(what): Baton \(baton), Ciw \(peer.mean) ± \(peerHalf)", sourceLocation: sourceLocation)
}

/// The closed form lies within twice the mean's 95% half-width: about 99.9% for ten
/// replications, so a seed that is merely unlucky does not fail the test.
private func expectNear(_ figure: Figure?, _ theory: Double, _ what: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
    let figure = try #require(figure, "\(what): no value", sourceLocation: sourceLocation)
    let half = try #require(figure.interval.map { ($0.upper - $0.lower) / 2 }, sourceLocation: sourceLocation)
    #expect(abs(figure.value - theory) <= 2 * half, "\(what): \(figure) against \(theory)", sourceLocation: sourceLocation)
}

extension Figure {
    fileprivate init(_ estimate: CiwReport.Estimate) {
        let half = estimate.halfWidth ?? 0
        self.init(estimate.mean, interval: ConfidenceInterval(lower: estimate.mean - half, upper: estimate.mean + half))
    }
}

// MARK: - scripts/ciw-peer.py's JSON

struct CiwReport: Decodable {
    struct Estimate: Decodable {
        var mean: Double
        var halfWidth: Double?

        enum CodingKeys: String, CodingKey {
            case mean
            case halfWidth = "half_width"
        }
    }

    struct Station: Decodable {
        var name: String
        var servers: Int
        var meanService: Double
        var queueCapacity: Int?
        var wait: Estimate?
        var utilisation: Estimate?
        var blocking: Estimate?

        enum CodingKeys: String, CodingKey {
            case name, servers, wait, utilisation, blocking
            case meanService = "mean_service"
            case queueCapacity = "queue_capacity"
        }
    }

    struct Network: Decodable {
        var name: String
        var design: String
        var arrivalRate: Double
        var duration: Double
        var warmup: Double
        var replications: Int
        var responseTime: Estimate
        var blocking: Estimate?
        var stations: [Station]
        var requests: Int
        var measuredRequests: Int
        var cpuSeconds: Double

        enum CodingKeys: String, CodingKey {
            case name, design, duration, warmup, replications, blocking, stations, requests
            case arrivalRate = "arrival_rate"
            case responseTime = "response_time"
            case measuredRequests = "measured_requests"
            case cpuSeconds = "cpu_seconds"
        }
    }

    var networks: [Network]
}
