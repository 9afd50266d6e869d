// Stages added by later pipeline work (check, render) register here, one entry each.
extension Bench {
    static var extraStages: [Stage] { checkStages + renderStages }
}
