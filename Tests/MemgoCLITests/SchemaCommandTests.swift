import Foundation
import MemgoCore
import Testing

/// `memgo schema`, run as users run it.
@Suite struct SchemaCommandTests {
  typealias C = CLITests

  @Test func printsTheCommittedSchema() throws {
    let outcome = try C.memgo(["schema"])
    #expect(outcome.status == 0)
    #expect(outcome.stderr.isEmpty)
    let committed = try String(
      contentsOf: C.repository.appendingPathComponent("docs/scenario.schema.json"), encoding: .utf8)
    #expect(outcome.stdout == committed)
    #expect(outcome.stdout == ScenarioSchema.jsonSchema)
    #expect(try C.memgo(["schema", "--format", "json"]).stdout == committed)
  }

  @Test func printsTheKeyTableAsMarkdown() throws {
    let outcome = try C.memgo(["schema", "--format", "markdown"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout == ScenarioSchema.markdownKeyTable)
    #expect(outcome.stdout.hasPrefix("| key | values | meaning | default |\n"))
  }

  @Test func writesTheOutputFile() throws {
    let directory = try C.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let outcome = try C.memgo(["schema", "--output", "s.json"], in: directory)
    #expect(outcome.status == 0)
    #expect(outcome.stdout.isEmpty)
    let written = try String(contentsOf: directory.appendingPathComponent("s.json"), encoding: .utf8)
    #expect(written == ScenarioSchema.jsonSchema)
    let missing = try C.memgo(["schema", "--output", "no/such/dir/s.json"], in: directory)
    #expect(missing.status == 1)
    #expect(missing.stderr.hasPrefix("memgo: no/such/dir/s.json: "))
  }

  @Test func refusesBadUsage() throws {
    let format = try C.memgo(["schema", "--format", "markdwn"])
    #expect(format.status == 2)
    #expect(format.stderr.contains("(did you mean 'markdown'?)"))
    let extra = try C.memgo(["schema", "x.json"])
    #expect(extra.status == 2)
    #expect(
      extra.stderr
        == "memgo: schema: expected no arguments, got 'x.json' (usage: memgo schema [--format json|markdown] [--output FILE])\n"
    )
  }

  /// A scenario naming the schema validates, and `$schema` of another type is an error.
  @Test func validateAcceptsSchemaReferences() throws {
    let directory = try C.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = #"{"$schema": "scenario.schema.json", "machine": {"frames": 8}, "processes": [{"requests": 5}]}"#
    try good.write(to: directory.appendingPathComponent("good.json"), atomically: true, encoding: .utf8)
    let bad = #"{"$schema": true, "machine": {"frames": 8}, "processes": [{"requests": 5}]}"#
    try bad.write(to: directory.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
    #expect(try C.memgo(["validate", "good.json"], in: directory).status == 0)
    let refused = try C.memgo(["validate", "bad.json"], in: directory)
    #expect(refused.status == 2)
    #expect(refused.stderr == "memgo: bad.json: $schema: expected a string, found true\n")
  }
}
