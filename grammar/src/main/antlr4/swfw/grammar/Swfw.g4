// The swfw policy language. See docs/language.md for the reference.
grammar Swfw;

policy : statement* EOF ;

statement
    : LET name=NAME '=' value=letValue ';'                      # letStmt
    | INCLUDE path=STRING ';'                                   # includeStmt
    | NODE name=NAME '{' body+=nodeStatement* '}'               # nodeBlock
    | NODE name=NAME one=nodeStatement                          # nodeOne
    | HOST name=NAME attrs+=hostAttr* ';'                       # hostStmt
    | nodeStatement                                             # globalStmt
    ;

// Statements that may appear at top level (all nodes) or inside a node.
nodeStatement
    : PUBLIC ifaces+=iface (',' ifaces+=iface)* ';'             # publicStmt
    | TRUST ifaces+=iface (',' ifaces+=iface)* ';'              # trustStmt
    | action=(ALLOW | DENY | REJECT) out=OUT? target=ruleTarget
      clauses+=clause* comment=STRING? ';'                      # ruleStmt
    | PUBLISH target=ruleTarget clauses+=clause* comment=STRING? ';' # publishStmt
    | EXPECT verdict=(ACCEPT | DROP) target=ruleTarget
      clauses+=clause* comment=STRING? ';'                      # expectStmt
    ;

// What a rule matches by protocol: `tcp 22`, `icmp echo-request`, `web` (a service), or nothing.
ruleTarget
    : proto=protocol ports=portSpec?                            # protoTarget
    | unknown=NAME ports=portSpec                               # unknownProtoTarget
    | service=NAME                                              # serviceTarget
    |                                                           # anyTarget
    ;

protocol : TCP | UDP | ICMP | ICMPV6 | ANY ;

portSpec
    : items+=portItem (',' items+=portItem)*                    # portList
    | '{' items+=portItem (',' items+=portItem)* ','? '}'       # portBlock
    ;

portItem
    : low=INT ('-' high=INT)?                                   # portNumber
    | name=NAME                                                 # portName
    ;

clause
    : ON ifaces+=iface (',' ifaces+=iface)*                     # onClause
    | FROM addrs=addrSpec                                       # fromClause
    | TO addrs=addrSpec                                         # toClause
    | LIMIT rate=INT '/' unit=NAME (BURST burst=INT)?           # limitClause
    ;

addrSpec
    : item=addrItem                                             # addrOne
    | '{' items+=addrItem (',' items+=addrItem)* ','? '}'       # addrBlock
    ;

addrItem
    : ADDR4                                                     # ipv4Item
    | ADDR6                                                     # ipv6Item
    | NAME                                                      # addrName
    | ANY                                                       # addrAny
    ;

letValue
    : proto=protocol ports=portSpec?                            # serviceValue
    | '{' items+=setItem (',' items+=setItem)* ','? '}'         # setValue
    | '{' '}'                                                   # emptySetValue
    | ADDR4                                                     # ipv4Value
    | ADDR6                                                     # ipv6Value
    ;

setItem
    : ADDR4                                                     # ipv4SetItem
    | ADDR6                                                     # ipv6SetItem
    | low=INT ('-' high=INT)?                                   # portSetItem
    | NAME                                                      # nameSetItem
    ;

hostAttr
    : ROLE role=NAME                                            # roleAttr
    | ADDRESS addr=(ADDR4 | ADDR6)                              # addressAttr
    | USER user=NAME                                            # userAttr
    | PORT port=INT                                             # portAttr
    | KEY key=STRING                                            # keyAttr
    | JUMP via=NAME                                             # jumpAttr
    | SWARM swarmName=NAME                                      # swarmAttr
    ;

iface : NAME | STRING ;

SEMI     : ';' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
COMMA    : ',' ;
EQUALS   : '=' ;
DASH     : '-' ;
SLASH    : '/' ;

// Keywords (reserved: they cannot be used as names).
LET      : 'let' ;
INCLUDE  : 'include' ;
NODE     : 'node' ;
HOST     : 'host' ;
PUBLIC   : 'public' ;
TRUST    : 'trust' ;
ALLOW    : 'allow' ;
DENY     : 'deny' ;
REJECT   : 'reject' ;
PUBLISH  : 'publish' ;
EXPECT   : 'expect' ;
ACCEPT   : 'accept' ;
DROP     : 'drop' ;
OUT      : 'out' ;
ON       : 'on' ;
FROM     : 'from' ;
TO       : 'to' ;
LIMIT    : 'limit' ;
BURST    : 'burst' ;
TCP      : 'tcp' ;
UDP      : 'udp' ;
ICMP     : 'icmp' ;
ICMPV6   : 'icmpv6' ;
ANY      : 'any' ;
ROLE     : 'role' ;
ADDRESS  : 'address' ;
USER     : 'user' ;
PORT     : 'port' ;
KEY      : 'key' ;
JUMP     : 'jump' ;
SWARM    : 'swarm' ;

// An IPv6 literal always holds a ':', which nothing else in the language does; validity is checked later.
ADDR6    : HEX* ':' [0-9a-fA-F:.]* ('/' [0-9]+)? ;
ADDR4    : [0-9]+ '.' [0-9]+ '.' [0-9]+ '.' [0-9]+ ('/' [0-9]+)? ;
INT      : [0-9]+ ;
NAME     : [a-zA-Z_] [a-zA-Z0-9_.\-]* '+'? ;
STRING   : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;

COMMENT  : '#' ~[\r\n]* -> channel(HIDDEN) ;
NEWLINE  : ('\r'? '\n' | '\r') -> channel(HIDDEN) ;
WS       : [ \t\f]+ -> channel(HIDDEN) ;

// Anything else becomes one token the parser rejects, so the lexer never prints or throws.
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* ;
ERROR_CHAR : . ;

fragment HEX : [0-9a-fA-F] ;
