import Baton
import BatonLayout
import BatonModel
import BatonRender
import BatonTestSupport
import Foundation
import Testing

/// One diagram to render: a design and one of its flows (nil when it has none).
struct RenderCase: Sendable, CustomStringConvertible {
    var design: TestDesigns.Design
    var flow: String?

    var description: String { flow.map { "\(design.name) / \($0)" } ?? design.name }

    /// A file name for goldens: the design, then the flow's name in lowercase ASCII.
    var slug: String {
        guard let flow, let compilation = try? compile(), !(compilation.model.flow(named: flow)?.isDefault ?? true) else {
            return design.name
        }
        var slug = ""
        for scalar in flow.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        return design.name + "--" + slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    func compile() throws -> Compilation {
        let compilation = Baton.compile(bytes: design.bytes, displayPath: design.url.path)
        let errors = compilation.diagnostics.filter { $0.severity == .error }.map(\.message)
        try #require(errors.isEmpty, "\(design.name) does not compile: \(errors)")
        return compilation
    }

    func render(_ format: RenderFormat, theme: Theme.Name = .light, view: RenderView? = nil,
                direction: LayoutDirection? = nil) throws -> String {
        let compilation = try compile()
        return try Baton.render(compilation, source: design.bytes,
                                options: RenderOptions(format: format, view: view, flow: flow, theme: theme, direction: direction))
    }

    /// Every flow of every design.
    static let all: [RenderCase] = TestDesigns.all.flatMap { design -> [RenderCase] in
        let model = Baton.compile(bytes: design.bytes, displayPath: design.url.path).model
        return model.flows.isEmpty ? [RenderCase(design: design, flow: nil)]
            : model.flows.map { RenderCase(design: design, flow: $0.name) }
    }

    /// One case per design (its default flow).
    static let designs: [RenderCase] = TestDesigns.all.map { RenderCase(design: $0, flow: nil) }
}
