// Runs scenarios/validation-{repairman,mm1,eat}.json as `memgo run` does (same seeds, so the
// same numbers as the committed reports) and draws one plot per scenario with ValidationPlots.
import MemgoCore

func report(_ name: String) -> Report {
  let path = "scenarios/validation-\(name).json"
  do {
    let file = try ScenarioLoader.load(path: path)
    return Report.build(file: file, results: Experiment.run(file, jobs: 2), version: "plots")
  } catch {
    fatalError("\(path): \(error)")
  }
}

let plots: [(String, ErrorBarPlot)] = [
  ("repairman", ValidationPlots.repairman(report("repairman"))),
  ("mm1", ValidationPlots.mm1(report("mm1"), service: 0.001)),
  ("eat", ValidationPlots.eat(report("eat"))),
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
