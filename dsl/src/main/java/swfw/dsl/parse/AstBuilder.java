package swfw.dsl.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import swfw.diag.Span;
import swfw.dsl.ast.Action;
import swfw.dsl.ast.Clause;
import swfw.dsl.ast.HostAttr;
import swfw.dsl.ast.Ident;
import swfw.dsl.ast.Iface;
import swfw.dsl.ast.Item;
import swfw.dsl.ast.LetValue;
import swfw.dsl.ast.Protocol;
import swfw.dsl.ast.Stmt;
import swfw.dsl.ast.Target;
import swfw.grammar.SwfwBaseVisitor;
import swfw.grammar.SwfwLexer;
import swfw.grammar.SwfwParser;

/** Turns a parse tree without syntax errors into the AST. Visit methods follow the grammar's order. */
final class AstBuilder extends SwfwBaseVisitor<Object> {
  private final Positions pos;

  AstBuilder(Positions pos) {
    this.pos = pos;
  }

  /** One top-level statement, or one of a node block's: the parser hands them over one by one (see PolicyParser). */
  Stmt statement(ParserRuleContext ctx) {
    return (Stmt) visit(ctx);
  }

  @Override
  public Stmt visitLetStmt(SwfwParser.LetStmtContext ctx) {
    return new Stmt.Let(pos.of(ctx), ident(ctx.name), (LetValue) visit(ctx.value));
  }

  @Override
  public Stmt visitIncludeStmt(SwfwParser.IncludeStmtContext ctx) {
    return new Stmt.Include(pos.of(ctx), Strings.unquote(ctx.path.getText()), pos.of(ctx.path));
  }

  @Override
  public Stmt visitNodeBlock(SwfwParser.NodeBlockContext ctx) {
    List<Stmt> body = new ArrayList<>(ctx.body.size());
    for (SwfwParser.NodeStatementContext s : ctx.body) {
      body.add((Stmt) visit(s));
    }
    return nodeBlock(ctx.getStart(), ctx.name, body);
  }

  /** {@code node NAME { … }} with its statements built already (see StatementParser). */
  Stmt nodeBlock(Token node, Token name, List<Stmt> body) {
    return new Stmt.Node(pos.of(node).to(pos.of(name)), ident(name), body, false);
  }

  @Override
  public Stmt visitNodeOne(SwfwParser.NodeOneContext ctx) {
    return new Stmt.Node(pos.of(ctx.getStart()).to(pos.of(ctx.name)), ident(ctx.name),
        List.of((Stmt) visit(ctx.one)), true);
  }

  @Override
  public Stmt visitHostStmt(SwfwParser.HostStmtContext ctx) {
    List<HostAttr> attrs = new ArrayList<>();
    for (SwfwParser.HostAttrContext a : ctx.attrs) {
      attrs.add((HostAttr) visit(a));
    }
    return new Stmt.Host(pos.of(ctx), ident(ctx.name), attrs);
  }

  @Override
  public Stmt visitGlobalStmt(SwfwParser.GlobalStmtContext ctx) {
    return (Stmt) visit(ctx.nodeStatement());
  }

  @Override
  public Stmt visitPublicStmt(SwfwParser.PublicStmtContext ctx) {
    return new Stmt.Public(pos.of(ctx), ifaces(ctx.ifaces));
  }

  @Override
  public Stmt visitTrustStmt(SwfwParser.TrustStmtContext ctx) {
    return new Stmt.Trust(pos.of(ctx), ifaces(ctx.ifaces));
  }

  @Override
  public Stmt visitRuleStmt(SwfwParser.RuleStmtContext ctx) {
    Action action = switch (ctx.action.getType()) {
      case SwfwLexer.ALLOW -> Action.ALLOW;
      case SwfwLexer.DENY -> Action.DENY;
      default -> Action.REJECT;
    };
    return new Stmt.Rule(pos.of(ctx), action, ctx.out != null, target(ctx.target, ctx.action),
        clauses(ctx.clauses), comment(ctx.comment), commentSpan(ctx.comment));
  }

  @Override
  public Stmt visitPublishStmt(SwfwParser.PublishStmtContext ctx) {
    return new Stmt.Publish(pos.of(ctx), target(ctx.target, ctx.getStart()), clauses(ctx.clauses),
        comment(ctx.comment), commentSpan(ctx.comment));
  }

  @Override
  public Stmt visitExpectStmt(SwfwParser.ExpectStmtContext ctx) {
    return new Stmt.Expect(pos.of(ctx), ctx.verdict.getType() == SwfwLexer.ACCEPT,
        target(ctx.target, ctx.verdict), clauses(ctx.clauses), comment(ctx.comment), commentSpan(ctx.comment));
  }

  private Target target(SwfwParser.RuleTargetContext ctx, Token before) {
    if (ctx instanceof SwfwParser.ProtoTargetContext p) {
      Protocol proto = protocol(p.proto);
      if (p.ports == null) {
        return new Target.Proto(pos.of(p), proto, List.of(), false);
      }
      return new Target.Proto(pos.of(p), proto, portItems(p.ports), p.ports instanceof SwfwParser.PortBlockContext);
    }
    if (ctx instanceof SwfwParser.UnknownProtoTargetContext u) {
      return new Target.UnknownProto(pos.of(u), ident(u.unknown), portItems(u.ports));
    }
    if (ctx instanceof SwfwParser.ServiceTargetContext s) {
      return new Target.Service(pos.of(s), ident(s.service));
    }
    return new Target.Any(pos.of(before));
  }

  private List<Item> portItems(SwfwParser.PortSpecContext spec) {
    List<SwfwParser.PortItemContext> items = spec instanceof SwfwParser.PortBlockContext b ? b.items
        : ((SwfwParser.PortListContext) spec).items;
    if (items.size() == 1) {
      return List.of(portItem(items.get(0)));
    }
    List<Item> out = new ArrayList<>(items.size());
    for (SwfwParser.PortItemContext item : items) {
      out.add(portItem(item));
    }
    return out;
  }

  private Item portItem(SwfwParser.PortItemContext item) {
    if (item instanceof SwfwParser.PortNumberContext n) {
      return new Item.Port(pos.of(n), n.low.getText(), n.high == null ? Optional.empty() : Optional.of(n.high.getText()));
    }
    Token name = ((SwfwParser.PortNameContext) item).name;
    return new Item.Name(pos.of(name), name.getText());
  }

  // Lists of one, the usual case, are built as the immutable list the records keep: no list to copy from.
  private List<Clause> clauses(List<SwfwParser.ClauseContext> clauses) {
    if (clauses.size() == 1) {
      return List.of((Clause) visit(clauses.get(0)));
    }
    List<Clause> out = new ArrayList<>(clauses.size());
    for (SwfwParser.ClauseContext c : clauses) {
      out.add((Clause) visit(c));
    }
    return out;
  }

  @Override
  public Clause visitOnClause(SwfwParser.OnClauseContext ctx) {
    return new Clause.On(pos.of(ctx), ifaces(ctx.ifaces));
  }

  @Override
  public Clause visitFromClause(SwfwParser.FromClauseContext ctx) {
    return new Clause.From(pos.of(ctx), addrItems(ctx.addrs), ctx.addrs instanceof SwfwParser.AddrBlockContext);
  }

  @Override
  public Clause visitToClause(SwfwParser.ToClauseContext ctx) {
    return new Clause.To(pos.of(ctx), addrItems(ctx.addrs), ctx.addrs instanceof SwfwParser.AddrBlockContext);
  }

  @Override
  public Clause visitLimitClause(SwfwParser.LimitClauseContext ctx) {
    return new Clause.Limit(pos.of(ctx), ctx.rate.getText(), ident(ctx.unit),
        Optional.ofNullable(ctx.burst).map(Token::getText));
  }

  private List<Item> addrItems(SwfwParser.AddrSpecContext spec) {
    if (spec instanceof SwfwParser.AddrOneContext one) {
      return List.of(addrItem(one.item.getStart()));
    }
    List<SwfwParser.AddrItemContext> items = ((SwfwParser.AddrBlockContext) spec).items;
    List<Item> out = new ArrayList<>(items.size());
    for (SwfwParser.AddrItemContext item : items) {
      out.add(addrItem(item.getStart()));
    }
    return out;
  }

  private Item addrItem(Token t) {
    Span span = pos.of(t);
    return switch (t.getType()) {
      case SwfwLexer.ADDR4 -> new Item.Addr(span, t.getText(), false);
      case SwfwLexer.ADDR6 -> new Item.Addr(span, t.getText(), true);
      case SwfwLexer.ANY -> new Item.AnyAddr(span);
      default -> new Item.Name(span, t.getText());
    };
  }

  @Override
  public LetValue visitServiceValue(SwfwParser.ServiceValueContext ctx) {
    Protocol proto = protocol(ctx.proto);
    List<Item> ports = ctx.ports == null ? List.of() : portItems(ctx.ports);
    return new LetValue.Service(pos.of(ctx), proto, ports, ctx.ports instanceof SwfwParser.PortBlockContext);
  }

  @Override
  public LetValue visitSetValue(SwfwParser.SetValueContext ctx) {
    List<Item> items = new ArrayList<>(ctx.items.size());
    for (SwfwParser.SetItemContext item : ctx.items) {
      if (item instanceof SwfwParser.PortSetItemContext p) {
        items.add(new Item.Port(pos.of(p), p.low.getText(), Optional.ofNullable(p.high).map(Token::getText)));
      } else {
        items.add(addrItem(item.getStart()));
      }
    }
    return new LetValue.Set(pos.of(ctx), items, true);
  }

  @Override
  public LetValue visitEmptySetValue(SwfwParser.EmptySetValueContext ctx) {
    return new LetValue.Set(pos.of(ctx), List.of(), true);
  }

  @Override
  public LetValue visitIpv4Value(SwfwParser.Ipv4ValueContext ctx) {
    return new LetValue.Set(pos.of(ctx), List.of(addrItem(ctx.getStart())), false);
  }

  @Override
  public LetValue visitIpv6Value(SwfwParser.Ipv6ValueContext ctx) {
    return new LetValue.Set(pos.of(ctx), List.of(addrItem(ctx.getStart())), false);
  }

  @Override
  public HostAttr visitRoleAttr(SwfwParser.RoleAttrContext ctx) {
    return attr(ctx, HostAttr.Kind.ROLE, ctx.role);
  }

  @Override
  public HostAttr visitAddressAttr(SwfwParser.AddressAttrContext ctx) {
    return attr(ctx, HostAttr.Kind.ADDRESS, ctx.addr);
  }

  @Override
  public HostAttr visitUserAttr(SwfwParser.UserAttrContext ctx) {
    return attr(ctx, HostAttr.Kind.USER, ctx.user);
  }

  @Override
  public HostAttr visitPortAttr(SwfwParser.PortAttrContext ctx) {
    return attr(ctx, HostAttr.Kind.PORT, ctx.port);
  }

  @Override
  public HostAttr visitKeyAttr(SwfwParser.KeyAttrContext ctx) {
    return new HostAttr(pos.of(ctx), HostAttr.Kind.KEY, Strings.unquote(ctx.key.getText()), pos.of(ctx.key));
  }

  @Override
  public HostAttr visitJumpAttr(SwfwParser.JumpAttrContext ctx) {
    return attr(ctx, HostAttr.Kind.JUMP, ctx.via);
  }

  @Override
  public HostAttr visitSwarmAttr(SwfwParser.SwarmAttrContext ctx) {
    return attr(ctx, HostAttr.Kind.SWARM, ctx.swarmName);
  }

  private HostAttr attr(SwfwParser.HostAttrContext ctx, HostAttr.Kind kind, Token value) {
    return new HostAttr(pos.of(ctx), kind, value.getText(), pos.of(value));
  }

  private List<Iface> ifaces(List<SwfwParser.IfaceContext> ctxs) {
    List<Iface> out = new ArrayList<>(ctxs.size());
    for (SwfwParser.IfaceContext c : ctxs) {
      Token t = c.getStart();
      boolean quoted = t.getType() == SwfwLexer.STRING;
      out.add(new Iface(pos.of(t), quoted ? Strings.unquote(t.getText()) : t.getText(), quoted));
    }
    return out;
  }

  private static Protocol protocol(SwfwParser.ProtocolContext ctx) {
    return switch (ctx.getStart().getType()) {
      case SwfwLexer.TCP -> Protocol.TCP;
      case SwfwLexer.UDP -> Protocol.UDP;
      case SwfwLexer.ICMP -> Protocol.ICMP;
      case SwfwLexer.ICMPV6 -> Protocol.ICMPV6;
      default -> Protocol.ANY;
    };
  }

  private Ident ident(Token t) {
    return new Ident(t.getText(), pos.of(t));
  }

  private static Optional<String> comment(Token t) {
    return t == null ? Optional.empty() : Optional.of(Strings.unquote(t.getText()));
  }

  private Optional<Span> commentSpan(Token t) {
    return t == null ? Optional.empty() : Optional.of(pos.of(t));
  }
}
