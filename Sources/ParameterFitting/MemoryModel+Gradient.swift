import Foundation

/// Reverse-mode differentiation of the log loss over one card's review sequence, by hand.
///
/// The forward pass records, for every review, the partial derivatives of the new stability
/// and difficulty with respect to the previous state and to the parameters the step used
/// (`Partials.stride` numbers per review); the backward pass then walks the reviews in reverse,
/// carrying the adjoints of stability and difficulty. That keeps the gradient to one forward
/// and one backward sweep per card, with no allocation.
extension MemoryModel {
    /// Layout of one review's record in the scratch buffer.
    enum Partials {
        static let stride = 14
        static let stabilityByStability = 0
        static let stabilityByDifficulty = 1
        static let difficultyByDifficulty = 2
        static let lossByStability = 3
        static let lossByDecay = 4
        /// Five slots of d(stability)/d(parameter); which parameters depends on the step's kind.
        static let stabilityParameters = 5
        /// d(difficulty)/d(w4…w7).
        static let difficultyParameters = 10
    }

    /// Which parameters a step's stability slots refer to.
    enum StepKind: UInt8 {
        case first, success, lapse, lapseShortTermBound, shortTerm, constant
    }

    /// Predictions closer to 0 or 1 than this are clamped in the loss (and carry no gradient).
    static let probabilityFloor = 1e-7

    /// Adds one card's weighted log loss gradient to `gradient` and returns its loss.
    ///
    /// - Parameters:
    ///   - ratings, elapsed, weights: the card's reviews; a review with a positive weight is a
    ///     label (its recall is predicted from the state before it).
    ///   - partials: scratch of `count * Partials.stride` doubles.
    ///   - kinds: scratch of `count` bytes.
    func accumulateGradient(
        ratings: UnsafePointer<UInt8>, elapsed: UnsafePointer<Double>, weights: UnsafePointer<Double>,
        count: Int, partials: UnsafeMutablePointer<Double>, kinds: UnsafeMutablePointer<UInt8>,
        gradient: UnsafeMutablePointer<Double>
    ) -> Double {
        var lastLabel = 0
        for i in 1..<max(count, 1) where weights[i] > 0 { lastLabel = i }
        guard lastLabel > 0 else { return 0 }
        var loss = 0.0
        var s = 0.0
        var d = 0.0
        for i in 0...lastLabel {
            let p = partials + i * Partials.stride
            let rating = Int(ratings[i])
            if i == 0 {
                (s, d) = firstStep(rating: rating, record: p, kind: kinds)
                continue
            }
            let t = elapsed[i]
            p[Partials.lossByStability] = 0
            p[Partials.lossByDecay] = 0
            var r = 1.0
            var rByStability = 0.0
            var rByDecay = 0.0
            if t > 0 {
                let u = 1 + factor * t / s
                r = Foundation.pow(u, decay)
                rByStability = w[20] * r * factor * t / (u * s * s)
                rByDecay = r * (-Foundation.log(u) - w[20] * (t / s) * factorSlope / u)
                let weight = weights[i]
                if weight > 0 {
                    let recalled = rating > 1
                    let floor = Self.probabilityFloor
                    let clamped = min(max(r, floor), 1 - floor)
                    loss -= weight * (recalled ? Foundation.log(clamped) : Foundation.log(1 - clamped))
                    if clamped == r {
                        let lossByR = recalled ? -weight / r : weight / (1 - r)
                        p[Partials.lossByStability] = lossByR * rByStability
                        p[Partials.lossByDecay] = lossByR * rByDecay
                    }
                }
            }
            let nextS = stabilityStep(
                s: s, d: d, t: t, r: r, rByStability: rByStability, rByDecay: rByDecay, rating: rating,
                record: p, kind: kinds + i)
            d = difficultyStep(d: d, rating: rating, record: p)
            s = nextS
        }
        backward(ratings: ratings, through: lastLabel, partials: partials, kinds: kinds, gradient: gradient)
        return loss
    }

    @inline(__always)
    private func firstStep(rating: Int, record p: UnsafeMutablePointer<Double>, kind: UnsafeMutablePointer<UInt8>)
        -> (Double, Double)
    {
        kind.pointee = StepKind.first.rawValue
        let raw = w[rating - 1]
        let s = min(max(raw, Self.minimumStability), Self.maximumStability)
        p[Partials.stabilityParameters] = s == raw ? 1 : 0
        let growth = Foundation.exp(w[5] * Double(rating - 1))
        let rawD = w[4] - growth + 1
        let d = min(max(rawD, 1), 10)
        let free = d == rawD
        p[Partials.difficultyParameters] = free ? 1 : 0
        p[Partials.difficultyParameters + 1] = free ? -Double(rating - 1) * growth : 0
        return (s, d)
    }

    @inline(__always)
    private func stabilityStep(
        s: Double, d: Double, t: Double, r: Double, rByStability: Double, rByDecay: Double, rating: Int,
        record p: UnsafeMutablePointer<Double>, kind: UnsafeMutablePointer<UInt8>
    ) -> Double {
        let slots = p + Partials.stabilityParameters
        var next: Double
        var bySelf: Double
        var byDifficulty = 0.0
        var stepKind: StepKind
        if t == 0 {
            let growth = shortTermGrowth[rating - 1] * Foundation.pow(s, -w[19])
            if rating >= 2 && growth < 1 {
                next = s
                bySelf = 1
                stepKind = .constant
            } else {
                next = s * growth
                bySelf = (1 - w[19]) * growth
                slots[0] = next * (Double(rating) - 3 + w[18])
                slots[1] = next * w[17]
                slots[2] = -next * Foundation.log(s)
                stepKind = .shortTerm
            }
        } else if rating == 1 {
            let dPower = Foundation.pow(d, -w[12])
            let sPower = Foundation.pow(s + 1, w[13])
            let forgetting = Foundation.exp(w[14] * (1 - r))
            let longTerm = w[11] * dPower * (sPower - 1) * forgetting
            let bound = s * lapseShortTermScale
            if longTerm < bound {
                next = longTerm
                let byR = -w[14] * longTerm
                bySelf = w[11] * dPower * forgetting * w[13] * sPower / (s + 1) + byR * rByStability
                byDifficulty = -w[12] * longTerm / d
                slots[0] = dPower * (sPower - 1) * forgetting
                slots[1] = -longTerm * Foundation.log(d)
                slots[2] = w[11] * dPower * forgetting * sPower * Foundation.log(s + 1)
                slots[3] = longTerm * (1 - r)
                slots[4] = byR * rByDecay
                stepKind = .lapse
            } else {
                next = bound
                bySelf = lapseShortTermScale
                slots[0] = -w[18] * bound
                slots[1] = -w[17] * bound
                stepKind = .lapseShortTermBound
            }
        } else {
            let hard = rating == 2 ? w[15] : 1
            let easy = rating == 4 ? w[16] : 1
            let sPower = Foundation.pow(s, -w[9])
            let e = Foundation.exp(w[10] * (1 - r))
            let core = expW8 * (11 - d) * sPower * (e - 1)
            let k = core * hard * easy
            next = s * (1 + k)
            let byR = -s * expW8 * (11 - d) * sPower * hard * easy * e * w[10]
            bySelf = 1 + k * (1 - w[9]) + byR * rByStability
            byDifficulty = -s * expW8 * sPower * (e - 1) * hard * easy
            slots[0] = s * k
            slots[1] = -s * k * Foundation.log(s)
            slots[2] = s * expW8 * (11 - d) * sPower * hard * easy * e * (1 - r)
            slots[3] = rating == 2 ? s * core * easy : (rating == 4 ? s * core * hard : 0)
            slots[4] = byR * rByDecay
            stepKind = .success
        }
        let clamped = min(max(next, Self.minimumStability), Self.maximumStability)
        if clamped != next {
            bySelf = 0
            byDifficulty = 0
            stepKind = .constant
        }
        p[Partials.stabilityByStability] = bySelf
        p[Partials.stabilityByDifficulty] = byDifficulty
        kind.pointee = stepKind.rawValue
        return clamped
    }

    @inline(__always)
    private func difficultyStep(d: Double, rating: Int, record p: UnsafeMutablePointer<Double>) -> Double {
        let g = Double(rating) - 3
        let delta = -w[6] * g
        let damped = d + (10 - d) * delta / 9
        let reverted = w[7] * (easyInitialDifficulty - damped) + damped
        let slots = p + Partials.difficultyParameters
        if reverted < 1 || reverted > 10 {
            p[Partials.difficultyByDifficulty] = 0
            slots[0] = 0
            slots[1] = 0
            slots[2] = 0
            slots[3] = 0
            return min(max(reverted, 1), 10)
        }
        p[Partials.difficultyByDifficulty] = (1 - w[7]) * (1 - delta / 9)
        slots[0] = w[7]
        slots[1] = -3 * w[7] * Foundation.exp(3 * w[5])
        slots[2] = (1 - w[7]) * (10 - d) * (-g) / 9
        slots[3] = easyInitialDifficulty - damped
        return reverted
    }

    @inline(__always)
    private func backward(
        ratings: UnsafePointer<UInt8>, through last: Int, partials: UnsafeMutablePointer<Double>,
        kinds: UnsafeMutablePointer<UInt8>, gradient g: UnsafeMutablePointer<Double>
    ) {
        var adjointS = 0.0
        var adjointD = 0.0
        var i = last
        while i >= 1 {
            let p = partials + i * Partials.stride
            let slots = p + Partials.stabilityParameters
            switch StepKind(rawValue: kinds[i]) ?? .constant {
            case .success:
                g[8] += adjointS * slots[0]
                g[9] += adjointS * slots[1]
                g[10] += adjointS * slots[2]
                let rating = ratings[i]
                if rating == 2 { g[15] += adjointS * slots[3] } else if rating == 4 { g[16] += adjointS * slots[3] }
                g[20] += adjointS * slots[4]
            case .lapse:
                g[11] += adjointS * slots[0]
                g[12] += adjointS * slots[1]
                g[13] += adjointS * slots[2]
                g[14] += adjointS * slots[3]
                g[20] += adjointS * slots[4]
            case .lapseShortTermBound:
                g[17] += adjointS * slots[0]
                g[18] += adjointS * slots[1]
            case .shortTerm:
                g[17] += adjointS * slots[0]
                g[18] += adjointS * slots[1]
                g[19] += adjointS * slots[2]
            case .first, .constant:
                break
            }
            let dSlots = p + Partials.difficultyParameters
            g[4] += adjointD * dSlots[0]
            g[5] += adjointD * dSlots[1]
            g[6] += adjointD * dSlots[2]
            g[7] += adjointD * dSlots[3]
            g[20] += p[Partials.lossByDecay]
            let previousS = adjointS * p[Partials.stabilityByStability] + p[Partials.lossByStability]
            let previousD = adjointS * p[Partials.stabilityByDifficulty] + adjointD * p[Partials.difficultyByDifficulty]
            adjointS = previousS
            adjointD = previousD
            i -= 1
        }
        let p = partials
        g[Int(ratings[0]) - 1] += adjointS * p[Partials.stabilityParameters]
        g[4] += adjointD * p[Partials.difficultyParameters]
        g[5] += adjointD * p[Partials.difficultyParameters + 1]
    }

    /// One card's weighted log loss, forward only.
    func loss(
        ratings: UnsafePointer<UInt8>, elapsed: UnsafePointer<Double>, weights: UnsafePointer<Double>, count: Int
    ) -> Double {
        guard count > 1 else { return 0 }
        var loss = 0.0
        var (s, d) = initialState(rating: Int(ratings[0]))
        for i in 1..<count {
            let rating = Int(ratings[i])
            let weight = weights[i]
            if weight > 0 {
                let r = retrievability(elapsedDays: elapsed[i], stability: s)
                let clamped = min(max(r, Self.probabilityFloor), 1 - Self.probabilityFloor)
                loss -= weight * (rating > 1 ? Foundation.log(clamped) : Foundation.log(1 - clamped))
            }
            (s, d) = nextState(stability: s, difficulty: d, elapsedDays: elapsed[i], rating: rating)
        }
        return loss
    }
}
