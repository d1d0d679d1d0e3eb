import RolloutCore

/// What a person may read: coordinators and auditors the whole district,
/// office staff only their own office's rows (district-wide rows included
/// only where a view says so). Every read route of the server scopes by one
/// of these, so the pages and the API cannot disagree.
package enum ReadScope: Sendable, Equatable {
    case district
    case office(String)

    /// The scope of `person`'s role.
    package init(_ person: Person) {
        self = person.role == .office ? .office(person.office ?? "") : .district
    }

    /// The one office this scope is limited to; nil for the whole district.
    package var office: String? {
        switch self {
        case .district: nil
        case .office(let id): id
        }
    }

    /// Whether a row of `office` (nil: a district-wide row) is readable.
    package func includes(_ office: String?) -> Bool {
        switch self {
        case .district: true
        case .office(let id): office == id
        }
    }

    /// `board` with only the readable rows.
    package func scoped(_ board: StatusBoard) -> StatusBoard {
        guard case .office = self else { return board }
        var board = board
        board.rows = board.rows.filter { includes($0.office.id) }
        return board
    }

    /// The office a history filter reads: the one asked for, which office
    /// staff may only ask for as their own; theirs when they ask for none.
    package func historyOffice(asked: String?, plan: Plan) throws -> String? {
        guard case .office(let own) = self else { return asked }
        if let asked, asked != own {
            throw PermissionDenied("office staff of \(plan.officeLabel(own)) may not read the history of \(plan.officeLabel(asked))")
        }
        return own
    }
}
