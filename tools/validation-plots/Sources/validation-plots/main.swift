// Runs scenarios/validation-{repairman,mm1,eat,belady}.json and scenarios/thrashing.json as
// `memgo run` does (same seeds, so the same numbers as the committed reports) and draws one plot
// per scenario with ValidationPlots.
import MemgoCore

func report(_ name: String) -> Report {
  let path = "scenarios/\(name).json"
  do {
    let file = try ScenarioLoader.load(path: path)
    return Report.build(file: file, results: try Experiment.run(file, jobs: 2), version: "plots")
  } catch {
    fatalError("\(path): \(error)")
  }
}

let plots: [(String, ErrorBarPlot)] = [
  ("repairman", ValidationPlots.repairman(report("validation-repairman"))),
  ("mm1", ValidationPlots.mm1(report("validation-mm1"), service: 0.001)),
  ("eat", ValidationPlots.eat(report("validation-eat"))),
  ("belady", ValidationPlots.belady(report("validation-belady"))),
  // 128 hot pages plus the ~20 distinct strays of a τ = 1000 window (2% of references).
  ("thrashing", ValidationPlots.thrashing(report("thrashing"), scope: "global", frames: 1024, workingSet: 148)),
]
for (name, plot) in plots {
  let path = "reports/plots/validation-\(name).svg"
  do {
    try AtomicFile.write(plot.svg(), to: path)
  } catch {
    fatalError("\(path): \(error)")
  }
  print(path)
}
