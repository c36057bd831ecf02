"use client";

import {
  createContext,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactNode,
  type Ref,
  type TextareaHTMLAttributes,
} from "react";
import { apiFetch } from "@/lib/client/api-fetch";

type Member = { userId: string; name: string; email: string };

// The workspace whose members "@" offers (the reader sets it); without one, a plain textarea.
const MentionWorkspaceContext = createContext<string | null>(null);
export function MentionWorkspace({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  return <MentionWorkspaceContext.Provider value={workspaceId}>{children}</MentionWorkspaceContext.Provider>;
}

// Members are read once per workspace and page.
const membersByWorkspace = new Map<string, Promise<Member[]>>();
function loadMembers(workspaceId: string) {
  let members = membersByWorkspace.get(workspaceId);
  if (!members) {
    members = apiFetch<{ items: Member[] }>(`/api/v1/workspaces/${workspaceId}/members`).then((result) =>
      result.ok ? result.data.items : [],
    );
    membersByWorkspace.set(workspaceId, members);
  }
  return members;
}

// A member's handle, as lib/threads/mentions.ts reads it: the name without spaces.
export const handleOf = (member: { name: string }) => member.name.replace(/\s+/g, "");

// The "@word" being typed just before the caret, if any.
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.-]{0,64})$/u.exec(text.slice(0, caret));
  return match ? { start: caret - match[2]!.length - 1, query: match[2]! } : null;
}

export function matchMembers(members: Member[], query: string, limit = 6) {
  const q = query.toLowerCase();
  return members
    .filter(
      (member) =>
        handleOf(member).toLowerCase().includes(q) ||
        member.name.toLowerCase().includes(q) ||
        member.email.split("@")[0]!.toLowerCase().startsWith(q),
    )
    .slice(0, limit);
}

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> & {
  value: string;
  onValueChange: (value: string) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
};

// A textarea that suggests workspace members while "@name" is typed: an ARIA combobox whose
// list is moved through with the arrows, picked with Enter (or Tab) and closed with Escape.
export function MentionTextarea({ value, onValueChange, textareaRef, onKeyDown, className = "", ...props }: Props) {
  const workspaceId = useContext(MentionWorkspaceContext);
  const listId = useId();
  const [members, setMembers] = useState<Member[]>([]);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  // The textarea, as the last event on it gave it (the caller may hold its own ref).
  const element = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    if (workspaceId && mention && !members.length) void loadMembers(workspaceId).then(setMembers);
  }, [workspaceId, mention, members.length]);

  const options = mention ? matchMembers(members, mention.query) : [];
  const isOpen = Boolean(workspaceId && mention && options.length);
  const optionId = (index: number) => `${listId}-option-${index}`;

  const track = (target: HTMLTextAreaElement) => {
    element.current = target;
    const found = mentionAt(target.value, target.selectionStart);
    setMention(found);
    if (found?.query !== mention?.query) setActive(0);
  };
  const pick = (member: Member) => {
    const textarea = element.current;
    if (!mention || !textarea) return;
    const inserted = `@${handleOf(member)} `;
    const caret = mention.start + 1 + mention.query.length;
    const next = value.slice(0, mention.start) + inserted + value.slice(caret);
    onValueChange(next);
    setMention(null);
    const at = mention.start + inserted.length;
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(at, at);
    });
  };

  return (
    <div className="relative">
      <textarea
        {...props}
        ref={textareaRef}
        value={value}
        className={className}
        role={workspaceId ? "combobox" : undefined}
        aria-autocomplete={workspaceId ? "list" : undefined}
        aria-expanded={workspaceId ? isOpen : undefined}
        aria-controls={workspaceId ? listId : undefined}
        aria-activedescendant={isOpen ? optionId(active) : undefined}
        onChange={(event) => {
          onValueChange(event.target.value);
          track(event.target);
        }}
        onClick={(event) => track(event.currentTarget)}
        onKeyUp={(event) => {
          if (["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) track(event.currentTarget);
        }}
        onBlur={() => setTimeout(() => setMention(null), 150)}
        onKeyDown={(event) => {
          if (isOpen) {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              const step = event.key === "ArrowDown" ? 1 : -1;
              setActive((index) => (index + step + options.length) % options.length);
              return;
            }
            if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
              event.preventDefault();
              event.stopPropagation();
              pick(options[active] ?? options[0]!);
              return;
            }
            if (event.key === "Escape") {
              // Closes the list only, not the composer around it.
              event.preventDefault();
              event.stopPropagation();
              setMention(null);
              return;
            }
          }
          onKeyDown?.(event);
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Members to mention"
        hidden={!isOpen}
        className="absolute left-0 z-30 mt-1 max-h-56 w-64 overflow-y-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg dark:border-stone-700 dark:bg-stone-900"
      >
        {isOpen
          ? options.map((member, index) => (
              <li
                key={member.userId}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(member);
                }}
                onMouseEnter={() => setActive(index)}
                className="cursor-pointer px-3 py-1.5 aria-selected:bg-accent-50 aria-selected:text-accent-700 dark:aria-selected:bg-stone-800"
              >
                <span className="font-medium">{member.name}</span>{" "}
                <span className="text-xs text-stone-500">@{handleOf(member)}</span>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
