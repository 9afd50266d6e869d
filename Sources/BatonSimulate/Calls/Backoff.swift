import BatonModel

extension Site {
    /// Seconds to wait before retry `retry` (1 for the first retry): `none` retries at once,
    /// `fixed` waits the base, `exponential` waits min(cap, base·2^(retry−1)); with `jitter`, a
    /// uniform draw in [0, that delay] ("full jitter", the variant Marc Brooker's AWS study found
    /// to do the least work).
    func backoffDelay(retry: Int, random: inout RandomSource) -> Double {
        var delay: Double
        switch backoff {
        case .none:
            return 0
        case .fixed:
            delay = backoffBase
        case .exponential:
            let doublings = Double(min(max(0, retry - 1), 1023))
            delay = min(backoffCap, backoffBase * pow2(doublings))
        }
        if jitter { delay *= random.uniform() }
        return delay
    }
}

/// 2^x for a whole x ≥ 0 (saturating to infinity).
private func pow2(_ exponent: Double) -> Double {
    exponent >= 1024 ? .infinity : Double(sign: .plus, exponent: Int(exponent), significand: 1)
}
