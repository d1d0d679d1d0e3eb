/// The per-office milestones one track has done: milestone id → completion.
///
/// A track holds at most a handful, so they are kept sorted in one small
/// array rather than a dictionary: at national scale (200,000 tracks) this
/// takes a fraction of the memory and lookups are a short scan of inline strings.
package struct MilestoneCompletions: Equatable, Sendable, Sequence {
    /// One done milestone.
    package struct Element: Equatable, Sendable {
        package var milestone: String
        package var completion: Completion
    }

    /// Sorted by milestone id, one element per milestone, so equal contents compare equal.
    private var elements: [Element] = []

    package init() {}

    package subscript(milestone: String) -> Completion? {
        get { elements.first { $0.milestone == milestone }?.completion }
        set {
            let index = elements.firstIndex { $0.milestone >= milestone } ?? elements.endIndex
            let present = index < elements.endIndex && elements[index].milestone == milestone
            switch (newValue, present) {
            case (let completion?, true): elements[index].completion = completion
            case (let completion?, false): elements.insert(Element(milestone: milestone, completion: completion), at: index)
            case (nil, true): elements.remove(at: index)
            case (nil, false): break
            }
        }
    }

    package var isEmpty: Bool { elements.isEmpty }
    package var count: Int { elements.count }
    /// The milestone ids done, sorted.
    package var milestones: [String] { elements.map(\.milestone) }

    package func makeIterator() -> IndexingIterator<[Element]> { elements.makeIterator() }
}
