import Foundation
import Interchange
import Testing

/// Every malformed file is refused with the line of the problem.
struct BadInputTests {
    private func problems(_ text: String, delimiter: CSVExport.Delimiter = .comma) -> [InputProblem] {
        problems(Data(text.utf8), delimiter: delimiter)
    }

    private func problems(_ data: Data, delimiter: CSVExport.Delimiter = .comma) -> [InputProblem] {
        do {
            _ = try CSVImport(delimiter: delimiter).read(data)
            return []
        } catch {
            guard case .invalidInput(let problems) = error else { return [InputProblem(line: nil, "\(error)")] }
            return problems
        }
    }

    @Test func unclosedQuoteIsReportedWhereItOpens() {
        let found = problems("front,back\r\nq1,a1\r\nq2,\"a2 never closed\r\nq3,a3\r\n")
        #expect(
            found == [InputProblem(line: 3, "unbalanced quotes: the quoted field that starts here is never closed")])
    }

    @Test func textAfterClosingQuoteIsRefused() {
        let found = problems("front,back\nq1,\"multi\nline\"x\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("after a closing quote") == true)
    }

    @Test func wrongColumnCountsAreAllReportedWithLines() {
        let found = problems("front,back\nq1,a1,extra\n\"two\nlines\",a2\nq3\n")
        #expect(found.map(\.line) == [2, 5])
        #expect(found.first?.message == "wrong number of columns: 3, but the header on line 1 has 2")
    }

    @Test func linesCountQuotedLineBreaksAndCRLF() {
        let found = problems("front,back\r\n\"a\r\nb\r\nc\",x\r\n\r\nbad\r\n")
        #expect(found.map(\.line) == [6])
    }

    @Test(arguments: ["", "   \n\n", "\u{FEFF}"])
    func emptyFileIsRefused(text: String) {
        #expect(problems(text) == [InputProblem(line: nil, "the file is empty")])
    }

    @Test func binaryFileIsRefused() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        let found = problems(png)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("binary") == true)
        #expect(found.first?.line == 3)
    }

    @Test func invalidUTF8IsRefusedWithItsLine() {
        let latin1 = Data("front,back\nq,a\ncaf".utf8) + Data([0xE9]) + Data(",x\n".utf8)
        let found = problems(latin1)
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("UTF-8") == true)
    }

    @Test func utf16IsRefused() {
        let utf16 = Data([0xFF, 0xFE]) + "front,back".data(using: .utf16LittleEndian)!
        #expect(problems(utf16).first?.message.contains("UTF-16") == true)
    }

    @Test func unknownHeaderIsNamed() {
        let found = problems("front,back,colour\nq,a,red\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(found.first?.message.hasPrefix("unknown column 'colour' (column 3)") == true)
    }

    @Test func missingAndDuplicateColumnsAreRefused() {
        #expect(problems("front,tags\nq,t\n") == [InputProblem(line: 1, "no 'back' column in the header")])
        #expect(problems("front,back,Answer\nq,a,b\n") == [InputProblem(line: 1, "column 'Answer' appears twice")])
    }

    @Test func headerAliasesAndBlankLinesAreAccepted() throws {
        let table = try CSVImport(delimiter: .tab).read(Data("Term\tDefinition\n\nq\ta\n\n".utf8))
        #expect(table.cards == [ImportedCard(line: 3, front: "q", back: "a")])
    }

    @Test func ankiFileWithBadColumnHeaderIsRefused() {
        let text = "#separator:tab\n#guid column:9\nq\ta\n"
        #expect(
            throws: InterchangeError.invalidInput([
                InputProblem(line: 3, "a '# column' header names column 9, but notes have 2 columns")
            ])
        ) {
            try AnkiImport().read(Data(text.utf8))
        }
    }

    @Test func ankiUnknownSeparatorIsRefused() {
        #expect(throws: InterchangeError.invalidInput([InputProblem(line: 1, "unknown separator 'dash'")])) {
            try AnkiImport().read(Data("#separator:dash\nq-a\n".utf8))
        }
    }
}
