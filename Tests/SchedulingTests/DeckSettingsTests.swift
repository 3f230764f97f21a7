import Foundation
import Scheduling
import TestSupport
import Testing

struct DeckSettingsTests {
    static func decode(_ json: String) throws -> DeckSettings {
        try JSONDecoder().decode(DeckSettings.self, from: Data(json.utf8))
    }

    @Test func absentKeysTakeTheirDefaults() throws {
        let settings = try Self.decode("{}")
        #expect(settings == .default)
        #expect(settings.newPerDay == 20)
        #expect(settings.reviewsPerDay == 200)
        #expect(settings.dayStartHour == 4)
        #expect(settings.leechThreshold == 8)
        #expect(settings.leechAction == .suspend)
        #expect(settings.scheduler == .default)
    }

    @Test func aPartialFileChangesOnlyWhatItNames() throws {
        let settings = try Self.decode(
            #"{"format":1,"newPerDay":5,"leechAction":"tag","scheduler":{"desiredRetention":0.85,"learningSteps":["30s","10m",3600]}}"#
        )
        #expect(settings.newPerDay == 5)
        #expect(settings.leechAction == .tag)
        #expect(settings.scheduler.desiredRetention == 0.85)
        #expect(settings.scheduler.learningSteps == [30, 600, 3600])
        #expect(settings.scheduler.relearningSteps == [600])
        #expect(settings.scheduler.parameters == SchedulerConfiguration.defaultParameters)
    }

    @Test func settingsRoundTrip() throws {
        var settings = DeckSettings.default
        settings.scheduler.enableFuzzing = false
        settings.dayStartHour = 0
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(DeckSettings.self, from: data) == settings)
    }

    @Test(arguments: [
        (#"{"format":2}"#, "settings format 2 is newer than this recall understands (1); upgrade recall"),
        (#"{"dayStartHour":24}"#, "setting dayStartHour = 24: expected an hour from 0 to 23"),
        (#"{"newPerDay":-1}"#, "setting newPerDay = -1: expected 0 or more"),
        (#"{"leechAction":"delete"}"#, #"setting leechAction = "delete": expected "suspend" or "tag""#),
        (
            #"{"scheduler":{"desiredRetention":1.5}}"#,
            "desired retention 1.5 must lie strictly between 0 and 1 (0.9 means 90%)"
        ),
        (
            #"{"scheduler":{"learningSteps":["soon"]}}"#,
            #"setting step = "soon": expected seconds, or a number with s, m, h or d"#
        ),
    ])
    func badSettingsAreRefusedNamingTheSetting(json: String, message: String) {
        do {
            _ = try Self.decode(json)
            Issue.record("accepted \(json)")
        } catch let error as SchedulingError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

extension DeckSettingsTests {
    /// A settings file as format 1 wrote it, pinned: it must keep loading.
    @Test func aPinnedFormatOneFileKeepsLoading() throws {
        let data = try Data(contentsOf: Paths.fixture("SchedulingTests", "settings-v1.json"))
        let settings = try JSONDecoder().decode(DeckSettings.self, from: data)
        #expect(settings.format == 1)
        #expect(settings.dayStartHour == 5)
        #expect(settings.newPerDay == 12)
        #expect(settings.reviewsPerDay == 150)
        #expect(settings.leechPolicy == LeechPolicy(threshold: 6, action: .tag))
        #expect(settings.learnAheadMinutes == 15)
        #expect(settings.scheduler.desiredRetention == 0.88)
        #expect(settings.scheduler.learningSteps == [60, 600, 3600])
        #expect(settings.scheduler.relearningSteps == [300])
        #expect(settings.scheduler.maximumInterval == 3650)
        #expect(!settings.scheduler.enableFuzzing)
        #expect(settings.scheduler.parameters == SchedulerConfiguration.defaultParameters)
    }
}
