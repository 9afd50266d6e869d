// Faults in force: at every instant where a fault window opens or closes, the combined state of
// each faulty participant is recomputed. A station that goes down refuses its waiting line at
// once; one that hangs swallows it. When capacity returns, waiting work starts; when a consumer
// or a channel works again, its lanes are offered to consumers.

extension Engine {
    mutating func applyFaultBoundary() {
        for participant in program.faults.participants {
            let state = program.faults.state(of: participant, at: now)
            let channel = channelOfParticipant[participant]
            if channel >= 0 {
                let wasWorking = channelFaults[channel].isWorking
                channelFaults[channel] = state
                if state.isWorking && !wasWorking {
                    for lane in channelSpecs[channel].lanes { dispatch(lane: lane) }
                }
                continue
            }
            let old = stations[participant].fault
            let base = stationSpecs[participant].servers
            stations[participant].fault = state
            stations[participant].servers = state.servers(of: base)
            stations[participant].slowdown = state.slowdown * state.capacitySlowdown(of: base)
            if state.down && !old.down {
                flushLine(station: participant, refusing: true)
            } else if state.hang && !old.hang {
                flushLine(station: participant, refusing: false)
            }
            stationFreed(participant)
            if state.isWorking && !old.isWorking {
                // Lanes it consumes by push or polling were left alone while it was out.
                for consumer in stationSpecs[participant].consumers {
                    dispatch(lane: consumerSpecs[consumer].lane)
                }
            }
        }
    }
}
