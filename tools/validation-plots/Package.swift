// swift-tools-version:6.0
// Draws the plots of reports/VALIDATION.md: runs the three validation scenarios and writes
// reports/plots/validation-*.svg. Run from the repository root:
//   swift run -c release --package-path tools/validation-plots validation-plots
import PackageDescription

let package = Package(
  name: "validation-plots",
  dependencies: [.package(name: "memgo", path: "../..")],
  targets: [
    .executableTarget(name: "validation-plots", dependencies: [.product(name: "MemgoCore", package: "memgo")])
  ]
)
